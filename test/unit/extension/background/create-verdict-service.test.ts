/** The background's service against a fake platform: batching, de-duplication, caching, persistence. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createVerdictService, type VerdictService } from '../../../../extension/background/create-verdict-service.ts';
import { parseStoredSettings } from '../../../../extension/settings/settings-schema.ts';
import { makeEntry } from '../../core/fixtures/make-entry.ts';
import { makeFakeFetch, type FakeReply } from '../../core/fixtures/make-fake-fetch.ts';
import { withUsccCheck } from '../../core/uscc/reference-uscc.ts';

const codes = Array.from({ length: 150 }, (_, i) => withUsccCheck(`91420105MA4K${String(i).padStart(5, '0')}`));
const BLACK = codes[0]!;
const stamp = () => ({ asOf: new Date().toISOString(), dataVersion: 1 });

/** A platform that knows `BLACK` as black-listed and nothing else. */
function platform(): (url: string, body: unknown) => FakeReply {
  return (url, body) => {
    if (url.includes('/status')) {
      const asked = (body as { codes: string[] }).codes;
      return {
        status: 200,
        body: {
          results: asked.map((code) => ({
            code,
            found: code === BLACK,
            invalid: false,
            subject: null,
            entries: code === BLACK ? [makeEntry()] : [],
            ...stamp(),
          })),
          ...stamp(),
        },
      };
    }
    if (url.includes('/changes')) return { status: 200, body: { changes: [], cursor: 1, hasMore: false, ...stamp() } };
    if (url.includes('/measures')) return { status: 200, body: { catalogueVersion: '1', measures: [], ...stamp() } };
    return { status: 404, body: { error: { code: 'not_found', message: 'no' } } };
  };
}

describe('createVerdictService', () => {
  let service: VerdictService | undefined;
  afterEach(() => service?.dispose());

  const start = (fetch: typeof globalThis.fetch, saved?: Parameters<typeof createVerdictService>[0]['saved'], token = 'secret') => {
    const seen = new Map<string, string>();
    const settings = parseStoredSettings({ platformUrl: 'http://127.0.0.1:9', token, changesPollSeconds: 60 });
    service = createVerdictService({ settings: () => settings, fetch, onDirty: () => undefined, onVerdict: (code, v) => seen.set(code, v.kind), saved });
    return seen;
  };
  const statusCalls = (f: ReturnType<typeof makeFakeFetch>) => f.calls.filter((c) => c.url.includes('/status'));

  it('asks for 150 codes from many frames in batches of at most 100, once each', async () => {
    const fake = makeFakeFetch(platform());
    const seen = start(fake.fetch);
    service!.watch(codes.slice(0, 80));
    service!.watch(codes.slice(40));
    await vi.waitFor(() => expect(seen.size).toBe(150));
    const batches = statusCalls(fake).map((c) => (c.body as { codes: string[] }).codes);
    expect(batches.every((b) => b.length <= 100)).toBe(true);
    expect(batches.flat().sort()).toEqual([...codes].sort());
    expect(seen.get(BLACK)).toBe('black');
    expect(seen.get(codes[1]!)).toBe('clear');
  });

  it('sends the token to the platform only', async () => {
    const fake = makeFakeFetch(platform());
    const seen = start(fake.fetch);
    service!.watch([BLACK]);
    await vi.waitFor(() => expect(seen.size).toBe(1));
    expect(new Headers(statusCalls(fake)[0]!.init.headers).get('Authorization')).toBe('Bearer secret');
  });

  it('answers from the persisted cache after a restart, without asking again', async () => {
    const first = makeFakeFetch(platform());
    const seen = start(first.fetch);
    service!.watch([BLACK]);
    await vi.waitFor(() => expect(seen.size).toBe(1));
    const saved = service!.snapshot();
    service!.dispose();
    const second = makeFakeFetch(platform());
    start(second.fetch, JSON.parse(JSON.stringify(saved)));
    expect(service!.peek(BLACK)?.kind).toBe('black');
    service!.watch([BLACK]);
    await new Promise((r) => setTimeout(r, 80));
    expect(statusCalls(second)).toHaveLength(0);
  });

  it.each([
    ['another token', 'other-secret'],
    ['no token', ''],
  ])('asks again instead of reusing answers after a restart with %s', async (_what, token) => {
    const first = makeFakeFetch(platform());
    const seen = start(first.fetch);
    service!.watch([BLACK]);
    await vi.waitFor(() => expect(seen.size).toBe(1));
    const saved = service!.snapshot();
    service!.dispose();
    const second = makeFakeFetch(platform());
    start(second.fetch, JSON.parse(JSON.stringify(saved)), token);
    expect(service!.peek(BLACK)).toBeNull();
    service!.watch([BLACK]);
    await vi.waitFor(() => expect(statusCalls(second)).toHaveLength(1));
  });

  it('shows unknown, never clear, when the platform answers 500', async () => {
    const fake = makeFakeFetch(() => ({ status: 500, body: { error: { code: 'internal', message: 'down' } } }));
    const seen = start(fake.fetch);
    service!.watch([codes[5]!]);
    await vi.waitFor(() => expect(seen.get(codes[5]!)).toBe('unknown'), { timeout: 5000 });
  });
});
