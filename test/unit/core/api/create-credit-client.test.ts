import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCreditClient, type CreditClientOptions } from '../../../../core/api/create-credit-client.ts';
import { CreditError } from '../../../../core/api/credit-error.ts';
import { makeFakeFetch, type FakeReply } from '../fixtures/make-fake-fetch.ts';
import { makeStatusResponse, SAMPLE_CODE } from '../fixtures/make-status-result.ts';

const health = { status: 'ok', apiVersion: 'v1', platform: '汉阳区信用平台', anonymousReads: true, asOf: '2026-03-01T02:00:00.000Z', dataVersion: 3 };
const envelope = (code: string, message = 'nope') => ({ error: { code, message } });

function setup(replies: FakeReply[] | ((url: string, body: unknown) => FakeReply), options: Partial<CreditClientOptions> = {}) {
  const fake = makeFakeFetch(replies);
  const client = createCreditClient({ baseUrl: 'https://credit.example.gov.cn/', fetch: fake.fetch, retryDelayMs: 1, timeoutMs: 50, ...options });
  return { client, calls: fake.calls };
}

async function errorOf(promise: Promise<unknown>): Promise<CreditError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(CreditError);
    return error as CreditError;
  }
  throw new Error('expected a rejection');
}

describe('createCreditClient', () => {
  it('returns a validated answer and sends the token, JSON headers and body', async () => {
    const { client, calls } = setup([{ status: 200, body: makeStatusResponse([SAMPLE_CODE]) }], { token: 't0k' });
    const res = await client.status([SAMPLE_CODE], { context: 'procurement', purpose: 'case-1' });
    expect(res.results[0]?.code).toBe(SAMPLE_CODE);
    const call = calls[0]!;
    expect(call.url).toBe('https://credit.example.gov.cn/api/v1/status');
    expect(call.init.method).toBe('POST');
    expect(call.init.headers).toMatchObject({ Authorization: 'Bearer t0k', 'Content-Type': 'application/json' });
    expect(call.body).toEqual({ codes: [SAMPLE_CODE], context: 'procurement', purpose: 'case-1' });
  });

  it('asks getToken before each attempt and sends no header without a token', async () => {
    const tokens = ['a', null];
    const { client, calls } = setup(
      [
        { status: 503, body: envelope('internal') },
        { status: 200, body: health },
      ],
      {
        getToken: async () => tokens.shift() ?? null,
      },
    );
    await client.health();
    expect((calls[0]!.init.headers as Record<string, string>).Authorization).toBe('Bearer a');
    expect((calls[1]!.init.headers as Record<string, string>).Authorization).toBeUndefined();
  });

  it('retries transient failures, then succeeds', async () => {
    const { client, calls } = setup([
      { throws: new TypeError('fetch failed') },
      { status: 502, raw: '<html>bad gateway</html>' } as FakeReply,
      { status: 200, body: health },
    ]);
    await expect(client.health()).resolves.toMatchObject({ status: 'ok' });
    expect(calls).toHaveLength(3);
  });

  it.each<[string, FakeReply, string, number | undefined]>([
    ['offline', { throws: new TypeError('fetch failed') }, 'offline', undefined],
    ['5xx', { status: 500, body: envelope('internal', 'boom') }, 'http', 500],
    ['429', { status: 429, body: envelope('rate_limited') }, 'http', 429],
  ])('rejects with kind %s after using every retry', async (_n, reply, kind, status) => {
    const { client, calls } = setup([reply], { retries: 2 });
    const error = await errorOf(client.health());
    expect(error.kind).toBe(kind);
    expect(error.status).toBe(status);
    expect(error.retryable).toBe(true);
    expect(calls).toHaveLength(3);
  });

  it.each<[string, FakeReply, string, number | undefined, string | undefined]>([
    ['a 4xx envelope', { status: 400, body: envelope('too_many_codes', 'at most 500') }, 'http', 400, 'too_many_codes'],
    ['401', { status: 401, body: envelope('unauthorized') }, 'auth', 401, 'unauthorized'],
    ['403', { status: 403, body: envelope('forbidden') }, 'auth', 403, 'forbidden'],
    ['a body failing its schema', { status: 200, body: { ...health, status: 'down' } }, 'schema', undefined, undefined],
    ['a non-JSON body', { raw: '<html>login</html>' }, 'schema', undefined, undefined],
    ['a 4xx without an envelope', { status: 404, raw: 'Not Found' }, 'http', 404, undefined],
  ])('rejects without retrying on %s', async (_n, reply, kind, status, apiCode) => {
    const { client, calls } = setup([reply]);
    const error = await errorOf(client.health());
    expect([error.kind, error.status, error.apiCode]).toEqual([kind, status, apiCode]);
    expect(error.retryable).toBe(false);
    expect(calls).toHaveLength(1);
  });

  it('fills the message from the error envelope', async () => {
    const { client } = setup([{ status: 400, body: envelope('bad_request', 'codes must be strings') }]);
    expect((await errorOf(client.health())).message).toBe('codes must be strings');
  });

  it('times out a fetch that never answers, and retries it', async () => {
    const { client, calls } = setup(['hang'], { timeoutMs: 20, retries: 1 });
    const error = await errorOf(client.health());
    expect(error.kind).toBe('timeout');
    expect(calls).toHaveLength(2);
    expect(calls[0]!.init.signal?.aborted).toBe(true);
  });

  it('rejects with aborted, never retried, when the caller aborts', async () => {
    const { client, calls } = setup(['hang'], { timeoutMs: 5_000 });
    const controller = new AbortController();
    const pending = client.health({ signal: controller.signal });
    setTimeout(() => controller.abort(), 5);
    const error = await errorOf(pending);
    expect(error.kind).toBe('aborted');
    expect(error.retryable).toBe(false);
    expect(calls).toHaveLength(1);
  });

  it('rejects at once with aborted when the signal is already aborted', async () => {
    const { client, calls } = setup([{ status: 200, body: health }]);
    const error = await errorOf(client.health({ signal: AbortSignal.abort() }));
    expect(error.kind).toBe('aborted');
    expect(calls).toHaveLength(0);
  });

  it('splits more than 500 codes into several requests and merges the answers', async () => {
    const codes = Array.from({ length: 1201 }, (_, i) => `CODE${String(i).padStart(6, '0')}`);
    const { client, calls } = setup((_url, body) => {
      const chunk = (body as { codes: string[] }).codes;
      const asOf = chunk[0] === 'CODE000500' ? '2026-03-01T01:00:00.000Z' : '2026-03-01T02:00:00.000Z';
      return { status: 200, body: makeStatusResponse(chunk, () => ({ found: false }), asOf) };
    });
    const res = await client.status(codes);
    expect(calls.map((c) => (c.body as { codes: string[] }).codes.length)).toEqual([500, 500, 201]);
    expect(res.results.map((r) => r.code)).toEqual(codes);
    expect(res.asOf).toBe('2026-03-01T01:00:00.000Z');
  });

  it('retries feedback (idempotent) but never an objection', async () => {
    const fb = setup([{ status: 503, body: envelope('internal') }]);
    await errorOf(
      fb.client.feedback({
        idempotencyKey: 'key-12345',
        code: SAMPLE_CODE,
        entryId: null,
        measureId: 'm-1',
        outcome: 'applied',
        reason: null,
        caseReference: 'case',
        note: null,
        operator: null,
        context: 'procurement',
      }),
    );
    expect(fb.calls).toHaveLength(3);
    const ob = setup([{ status: 503, body: envelope('internal') }]);
    await errorOf(ob.client.objection({ code: SAMPLE_CODE, entryId: 'e1', reason: 'wrong', contact: 'x' }));
    expect(ob.calls).toHaveLength(1);
  });

  it('builds GET paths with encoded parameters', async () => {
    const { client, calls } = setup([{ status: 500, body: envelope('internal') }], { retries: 0 });
    await errorOf(client.measures({ context: 'funding' }));
    await errorOf(client.changes(42));
    await errorOf(client.subject('A/B'));
    await errorOf(client.resolveObjection('o 1', { outcome: 'upheld' }));
    expect(calls.map((c) => c.url.replace('https://credit.example.gov.cn', ''))).toEqual([
      '/api/v1/measures?context=funding',
      '/api/v1/changes?since=42',
      '/api/v1/subjects/A%2FB',
      '/api/v1/objections/o%201/resolve',
    ]);
  });
});

describe('createCreditClient after a 429', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const limited = (retryAfter: string): FakeReply => ({ status: 429, body: envelope('rate_limited', 'slow down'), headers: { 'Retry-After': retryAfter } });

  it('returns the answer after waiting the seconds Retry-After asks for, not its own short backoff', async () => {
    const { client, calls } = setup([limited('2'), { status: 200, body: health }], { timeoutMs: 120_000 });
    const pending = client.health();
    await vi.advanceTimersByTimeAsync(1_900);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(calls).toHaveLength(2);
    await expect(pending).resolves.toMatchObject({ status: 'ok' });
  });

  it('returns the answer after at most 30 s, whatever longer wait Retry-After asks for', async () => {
    const { client, calls } = setup([limited('3600'), { status: 200, body: health }], { timeoutMs: 120_000 });
    const pending = client.health();
    await vi.advanceTimersByTimeAsync(29_900);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(calls).toHaveLength(2);
    await expect(pending).resolves.toMatchObject({ status: 'ok' });
  });

  it('rejects with status 429 and code rate_limited once the retries are used up', async () => {
    const { client, calls } = setup([limited('1')], { retries: 1, timeoutMs: 120_000 });
    const pending = errorOf(client.health());
    await vi.advanceTimersByTimeAsync(1_100);
    const error = await pending;
    expect([error.kind, error.status, error.apiCode, error.message]).toEqual(['http', 429, 'rate_limited', 'slow down']);
    expect(calls).toHaveLength(2);
  });
});
