/** The background's service for several platforms (issue 17) against two fake platforms: per-platform batches, merged verdicts, one down. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPlatformsVerdictService, type PlatformsVerdictService } from '../../../../extension/background/create-platforms-verdict-service.ts';
import { parseStoredSettings } from '../../../../extension/settings/settings-schema.ts';
import { platformLinesText } from '../../../../core/platforms/platform-lines-text.ts';
import type { CodeVerdict } from '../../../../core/query/create-status-store.ts';
import { makeEntry } from '../../core/fixtures/make-entry.ts';
import { makeFakeFetch, type FakeReply } from '../../core/fixtures/make-fake-fetch.ts';
import { withUsccCheck } from '../../core/uscc/reference-uscc.ts';

const HANYANG = withUsccCheck('91420105MA4K00001');
const YICHANG = withUsccCheck('91420500MA4K00002');
const stamp = () => ({ asOf: new Date().toISOString(), dataVersion: 1 });
const DISTRICT = 'http://127.0.0.1:9001';
const PROVINCE = 'http://127.0.0.1:9002';

describe('createPlatformsVerdictService', () => {
  let service: PlatformsVerdictService | undefined;
  afterEach(() => service?.dispose());

  function start(down = { province: false }) {
    const fake = makeFakeFetch((url: string, body: unknown): FakeReply => {
      const province = url.startsWith(PROVINCE);
      if (province && down.province) return { throws: new TypeError('Failed to fetch') };
      if (url.includes('/status')) {
        const asked = (body as { codes: string[] }).codes;
        return {
          status: 200,
          body: {
            results: asked.map((code) => ({
              code,
              found: true,
              invalid: false,
              subject: null,
              entries: province && code === YICHANG ? [makeEntry({ id: 'p-1', list: 'black' })] : [],
              ...stamp(),
            })),
            ...stamp(),
          },
        };
      }
      if (url.includes('/changes')) return { status: 200, body: { changes: [], cursor: 1, hasMore: false, ...stamp() } };
      if (url.includes('/health')) return { status: 200, body: { status: 'ok', apiVersion: '1', ...stamp() } };
      if (url.includes('/measures')) return { status: 200, body: { catalogueVersion: '1', measures: [], ...stamp() } };
      return { status: 404, body: { error: { code: 'not_found', message: 'no' } } };
    });
    const settings = parseStoredSettings({ changesPollSeconds: 60 });
    const platforms = [
      { id: 'district', url: DISTRICT, token: 'd-token', regions: ['420105'], name: '区平台' },
      { id: 'province', url: PROVINCE, token: 'p-token', regions: ['42'], name: '省平台' },
    ];
    const seen = new Map<string, CodeVerdict>();
    service = createPlatformsVerdictService({
      settings: () => settings,
      platforms,
      fetch: fake.fetch,
      onDirty: () => undefined,
      onVerdict: (c, v) => seen.set(c, v),
    });
    const statusCalls = (base: string) => fake.calls.filter((c) => c.url.startsWith(base) && c.url.includes('/status'));
    return { seen, statusCalls };
  }

  it('asks each platform only for the codes it covers, with its own token, and merges the answers', async () => {
    const { seen, statusCalls } = start();
    service!.watch([HANYANG, YICHANG]);
    await vi.waitFor(() => expect(seen.size).toBe(2));
    expect(statusCalls(DISTRICT).map((c) => c.body)).toMatchObject([{ codes: [HANYANG] }]);
    expect(
      statusCalls(PROVINCE)
        .flatMap((c) => (c.body as { codes: string[] }).codes)
        .sort(),
    ).toEqual([HANYANG, YICHANG].sort());
    expect(new Headers(statusCalls(PROVINCE)[0]!.init.headers).get('Authorization')).toBe('Bearer p-token');
    expect(new Headers(statusCalls(DISTRICT)[0]!.init.headers).get('Authorization')).toBe('Bearer d-token');
    expect(seen.get(HANYANG)?.kind).toBe('clear');
    expect(seen.get(YICHANG)?.kind).toBe('black');
    expect(service!.client('province')).not.toBeNull();
  });

  it('turns a code unknown when the provincial platform is down, and says which answered what', async () => {
    const { seen } = start({ province: true });
    service!.watch([HANYANG]);
    await vi.waitFor(() => expect(seen.get(HANYANG)?.kind).toBe('unknown'));
    expect(platformLinesText(seen.get(HANYANG)!.platforms ?? [])).toBe('区平台：未列入；省平台：无法连接');
  });
});
