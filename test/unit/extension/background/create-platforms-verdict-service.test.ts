/** The background's service for several platforms (issue 17) against two fake platforms: per-platform batches, merged verdicts, one down. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { recordSetRequests } from '../../../../core/record/record-set-requests.ts';
import { createPlatformsVerdictService } from '../../../../extension/background/create-platforms-verdict-service.ts';
import type { VerdictService } from '../../../../extension/background/create-verdict-service.ts';
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
  let service: VerdictService | undefined;
  afterEach(() => service?.dispose());

  /** `sameIds`: both platforms list HANYANG under entry id `e-1` (each numbers its own entries). */
  function start(down = { province: false }, sameIds = false, saved?: ReturnType<VerdictService['snapshot']>) {
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
              entries:
                sameIds && code === HANYANG
                  ? [makeEntry({ id: 'e-1', list: province ? 'red' : 'black', category: province ? '纳税信用A级纳税人' : '拖欠农民工工资' })]
                  : province && code === YICHANG
                    ? [makeEntry({ id: 'p-1', list: 'black' })]
                    : [],
              ...stamp(),
            })),
            ...stamp(),
          },
        };
      }
      if (url.includes('/changes')) return { status: 200, body: { changes: [], cursor: province ? 7 : 3, hasMore: false, ...stamp() } };
      if (url.includes('/health'))
        return { status: 200, body: { status: 'ok', apiVersion: 'v1', platform: province ? '省平台' : '区平台', anonymousReads: true, ...stamp() } };
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
      ...(saved && { saved }),
    });
    const statusCalls = (base: string) => fake.calls.filter((c) => c.url.startsWith(base) && c.url.includes('/status'));
    const calls = (base: string, path: string) => fake.calls.filter((c) => c.url.startsWith(base) && c.url.includes(path));
    return { seen, statusCalls, calls };
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
  });

  it('keeps two platforms’ entries of one id apart, and acts on each at the platform that owns it, with its own id', async () => {
    const { seen, calls } = start({ province: false }, true);
    service!.watch([HANYANG]);
    await vi.waitFor(() => expect(seen.get(HANYANG)?.kind).toBe('black'));
    const entries = seen.get(HANYANG)!.result!.entries;
    expect(new Set(entries.map((e) => e.id)).size).toBe(2);
    const provincial = entries.find((e) => e.list === 'red')!;
    const district = entries.find((e) => e.list === 'black')!;

    const feedback = {
      idempotencyKey: 'key-00000001',
      code: HANYANG,
      entryId: provincial.id,
      measureId: 'm-1',
      outcome: 'applied' as const,
      reason: null,
      caseReference: 'SP-1',
      note: null,
      operator: null,
      context: 'procurement' as const,
    };
    // The fakes do not accept feedback (404): what counts is where it went, and with which id.
    await service!
      .entryClient(feedback)
      .feedback(feedback)
      .catch(() => undefined);
    expect(calls(PROVINCE, '/feedback').map((c) => (c.body as { entryId: string }).entryId)).toEqual(['e-1']);
    expect(calls(DISTRICT, '/feedback')).toEqual([]);

    const objection = { code: HANYANG, entryId: district.id, reason: '该失信信息已依法撤销，请核实更正。', contact: '027-12345678' };
    await service!
      .entryClient(objection)
      .objection(objection)
      .catch(() => undefined);
    expect(calls(DISTRICT, '/objection').map((c) => (c.body as { entryId: string }).entryId)).toEqual(['e-1']);
    expect(calls(PROVINCE, '/objection')).toEqual([]);
  });

  it('has a record signed in parts: each platform for the codes it covers', () => {
    start();
    const request = (codes: string[]) => ({ codes, context: 'procurement' as const, caseReference: null, operator: null, source: { url: null, title: null } });
    const signers = service!.recordSigners().map((signer) => ({ ...signer.platform!, signer }));
    const parts = (codes: string[]) => recordSetRequests(request(codes), signers, 'set-1').parts.map((p) => [p.platform.id, p.request.codes]);
    // Yichang: the province only. Hanyang: the district and the province (whose lists the district cannot speak for).
    expect(parts([YICHANG])).toEqual([['province', [YICHANG]]]);
    expect(parts([YICHANG, HANYANG])).toEqual([
      ['district', [HANYANG]],
      ['province', [YICHANG, HANYANG]],
    ]);
    // Outside Hubei: no platform may sign for it. Not a code at all: the first platform says so.
    expect(parts([withUsccCheck('91110105MA4K00003')])).toEqual([]);
    expect(parts(['91XXXXXXXXXXXXXXXX'])).toEqual([['district', ['91XXXXXXXXXXXXXXXX']]]);
  });

  it('comes back after a worker restart with every platform’s answers and feed cursor, asking nothing again', async () => {
    const first = start();
    service!.watch([HANYANG, YICHANG]);
    await vi.waitFor(() => expect(first.seen.size).toBe(2));
    await vi.waitFor(() => expect(service!.snapshot().cursors).toEqual({ district: 3, province: 7 }));
    const saved = JSON.parse(JSON.stringify(service!.snapshot())) as ReturnType<VerdictService['snapshot']>;
    service!.dispose();

    const again = start({ province: false }, false, saved);
    expect(service!.peek(HANYANG)?.kind).toBe('clear');
    expect(service!.peek(YICHANG)?.kind).toBe('black');
    service!.watch([HANYANG, YICHANG]);
    await vi.waitFor(() => expect(again.calls(PROVINCE, '/changes').length * again.calls(DISTRICT, '/changes').length).toBeGreaterThan(0));
    // Each feed goes on from its own cursor: no health call to start over at the platform's current version.
    expect(again.calls(PROVINCE, '/changes')[0]!.url).toContain('since=7');
    expect(again.calls(DISTRICT, '/changes')[0]!.url).toContain('since=3');
    expect([...again.calls(DISTRICT, '/health'), ...again.calls(PROVINCE, '/health')]).toEqual([]);
    expect([...again.statusCalls(DISTRICT), ...again.statusCalls(PROVINCE)]).toEqual([]);
  });

  it('does not take back answers saved for other platforms or tokens', async () => {
    start();
    service!.watch([YICHANG]);
    await vi.waitFor(() => expect(service!.peek(YICHANG)?.kind).toBe('black'));
    const saved = { ...service!.snapshot(), source: 'http://elsewhere' };
    service!.dispose();
    start({ province: false }, false, saved);
    expect(service!.peek(YICHANG)?.kind).toBe('pending');
  });

  it('routes an entry by the platform its id names, also with no answer cached (a restarted worker), and refuses one no platform owns', async () => {
    const { calls } = start();
    const objection = (entryId: string) => ({ code: HANYANG, entryId, reason: '该失信信息已依法撤销，请核实更正。', contact: '027-12345678' });
    // Nothing asked yet: the id alone says where it goes.
    await service!
      .entryClient(objection('province:p-1'))
      .objection(objection('province:p-1'))
      .catch(() => undefined);
    expect(calls(PROVINCE, '/objection').map((c) => (c.body as { entryId: string }).entryId)).toEqual(['p-1']);
    expect(() => service!.entryClient(objection('elsewhere:p-1'))).toThrow(/no configured platform owns/);
    // An id queued before several platforms (no platform in it) may be another platform's namesake: it fails, visibly.
    expect(() => service!.entryClient({ code: HANYANG, entryId: 'p-1' })).toThrow(/no configured platform owns/);
    expect(() => service!.entryClient({ code: YICHANG, entryId: 'p-1' })).toThrow(/no configured platform owns/);
  });

  it('shows the feedback every covering platform holds for the case', async () => {
    const { calls } = start();
    await service!
      .entryClient({ code: HANYANG, entryId: null })
      .feedbackList(HANYANG, 'SP-1')
      .catch(() => undefined);
    expect(calls(DISTRICT, '/feedback').length).toBe(1);
    expect(calls(PROVINCE, '/feedback').length).toBe(1);
  });

  it('turns a code unknown when the provincial platform is down, and says which answered what', async () => {
    const { seen } = start({ province: true });
    service!.watch([HANYANG]);
    await vi.waitFor(() => expect(seen.get(HANYANG)?.kind).toBe('unknown'));
    expect(platformLinesText(seen.get(HANYANG)!.platforms ?? [])).toBe('区平台：未列入；省平台：无法连接');
  });
});
