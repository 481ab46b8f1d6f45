/** Issue 10 finding 5 in the background: a code shown again (a reload, a card, a lookup) past the freshness window is asked again; a failure is unknown with the last answer. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CodeVerdict } from '../../../../core/query/create-status-store.ts';
import { createVerdictService, type VerdictService } from '../../../../extension/background/create-verdict-service.ts';
import { parseStoredSettings } from '../../../../extension/settings/settings-schema.ts';
import { makeEntry } from '../../core/fixtures/make-entry.ts';
import { makeFakeFetch, type FakeReply } from '../../core/fixtures/make-fake-fetch.ts';
import { withUsccCheck } from '../../core/uscc/reference-uscc.ts';

const BLACK = withUsccCheck('91420105MA4K00001');
const CLEAR = withUsccCheck('91420105MA4K00002');
const stamp = () => ({ asOf: new Date().toISOString(), dataVersion: 1 });

describe('createVerdictService.watch of codes already watched', () => {
  let service: VerdictService | undefined;
  afterEach(() => service?.dispose());

  it('returns unknown with the last answer after asking again past the freshness window while the platform answers 503', async () => {
    let down = false;
    const fake = makeFakeFetch((url, body): FakeReply => {
      if (url.includes('/status')) {
        if (down) return { status: 503, body: { error: { code: 'unavailable', message: 'down' } } };
        const asked = (body as { codes: string[] }).codes;
        return {
          status: 200,
          body: {
            results: asked.map((code) => ({ code, found: true, invalid: false, subject: null, entries: code === BLACK ? [makeEntry()] : [], ...stamp() })),
            ...stamp(),
          },
        };
      }
      if (url.includes('/changes')) return { status: 200, body: { changes: [], cursor: 1, hasMore: false, ...stamp() } };
      if (url.includes('/health')) return { status: 200, body: { status: 'ok', apiVersion: 'v1', platform: 'x', anonymousReads: true, ...stamp() } };
      return { status: 200, body: { catalogueVersion: '1', measures: [], ...stamp() } };
    });
    const seen = new Map<string, CodeVerdict>();
    // 0.05 min = 3 s, the shortest freshness the settings allow.
    const settings = parseStoredSettings({ platformUrl: 'http://127.0.0.1:9', token: 't', freshnessMinutes: 0.05, changesPollSeconds: 3600 });
    service = createVerdictService({ settings: () => settings, fetch: fake.fetch, onDirty: () => undefined, onVerdict: (code, v) => seen.set(code, v) });
    const statusCalls = () => fake.calls.filter((c) => c.url.includes('/status')).length;
    service.watch([BLACK, CLEAR]);
    await vi.waitFor(() => expect(seen.size).toBe(2));
    expect(statusCalls()).toBe(1);
    // Shown again while fresh: not asked again.
    service.watch([BLACK, CLEAR]);
    await new Promise((r) => setTimeout(r, 100));
    expect(statusCalls()).toBe(1);
    await new Promise((r) => setTimeout(r, 3_100));
    down = true;
    service.watch([BLACK, CLEAR]);
    await vi.waitFor(() => expect(statusCalls()).toBeGreaterThanOrEqual(2));
    await vi.waitFor(() => expect(seen.get(CLEAR)?.kind).toBe('unknown'), { timeout: 5_000 });
    expect(seen.get(CLEAR)).toMatchObject({ lastKnown: 'clear', stale: true, reason: { errorKind: 'http' } });
    expect(service.peek(BLACK)).toMatchObject({ kind: 'unknown', lastKnown: 'black' });
  }, 15_000);
});
