import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCreditClient } from '../../../../core/api/create-credit-client.ts';
import type { RunningPlatform, StartPlatformOptions } from '../../../../platform/start-platform.ts';
import { call, envelopeCode, fixtureCode, startTestPlatform } from '../platform-harness.ts';

const running: RunningPlatform[] = [];
async function platformWith(opts: Omit<StartPlatformOptions, 'seed'>): Promise<RunningPlatform> {
  const platform = await startTestPlatform({ seed: { subjects: 30 }, ...opts });
  running.push(platform);
  return platform;
}
afterEach(async () => {
  vi.unstubAllEnvs();
  await Promise.all(running.splice(0).map((p) => p.close()));
});

const status = (platform: RunningPlatform, token?: string) =>
  call(platform, 'POST', '/api/v1/status', { token, body: { codes: [fixtureCode('black')] }, headers: { origin: 'http://localhost:5173' } });

async function spend(platform: RunningPlatform, n: number, token?: string): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < n; i++) statuses.push((await status(platform, token)).status);
  return statuses;
}

describe('rate limiting of /api/v1/*', () => {
  it('rejects the request over the allowance with 429 rate_limited, Retry-After in seconds, readable across origins', async () => {
    const platform = await platformWith({ rateLimit: 3 });
    expect(await spend(platform, 3)).toEqual([200, 200, 200]);
    const over = await status(platform);
    expect(over.status).toBe(429);
    expect(envelopeCode(over.json)).toBe('rate_limited');
    expect(over.headers.get('retry-after')).toBe('20');
    expect(over.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(over.headers.get('access-control-expose-headers')?.toLowerCase()).toContain('retry-after');
    expect((await call(platform, 'GET', '/api/v1/health')).status).toBe(429);
  });

  it('returns answers to each token from its own allowance, apart from the anonymous callers at the same address', async () => {
    const platform = await platformWith({ rateLimit: 2 });
    expect(await spend(platform, 3, platform.tokens.viewer)).toEqual([200, 200, 429]);
    expect(await spend(platform, 2, platform.tokens.department)).toEqual([200, 200]);
    expect(await spend(platform, 3)).toEqual([200, 200, 429]);
    expect((await status(platform, platform.tokens.admin)).status).toBe(200);
  });

  it("rejects a wrong token from the address's allowance, so guessing tokens is slowed too", async () => {
    const platform = await platformWith({ rateLimit: 2 });
    expect((await status(platform, 'not-a-real-token')).status).toBe(401);
    expect((await status(platform, 'not-a-real-token-either')).status).toBe(401);
    expect((await status(platform, 'still-not-a-token')).status).toBe(429);
    expect((await status(platform)).status).toBe(429);
    expect((await status(platform, platform.tokens.viewer)).status).toBe(200);
  });

  it('returns pages, the record key and CORS preflights however many API requests were refused', async () => {
    const platform = await platformWith({ rateLimit: 1 });
    await spend(platform, 2);
    expect((await call(platform, 'GET', '/')).status).toBe(200);
    expect((await call(platform, 'GET', `/subjects/${fixtureCode('black')}`)).status).toBe(200);
    expect((await call(platform, 'GET', '/records/verify')).status).toBe(200);
    expect((await call(platform, 'GET', '/.well-known/creditlens-record-key')).status).toBe(200);
    const preflight = await fetch(`${platform.url}/api/v1/status`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect((await status(platform)).status).toBe(429);
  });

  it('rejects unknown API paths and posts to pages from the same allowance, so they cannot be used to flood either', async () => {
    const platform = await platformWith({ rateLimit: 2 });
    expect((await call(platform, 'GET', '/api/v1/no-such-endpoint')).status).toBe(404);
    expect((await call(platform, 'POST', '/no-such-page', { raw: 'x=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status).toBe(404);
    const over = await call(platform, 'GET', '/api/v1/no-such-endpoint');
    expect([over.status, envelopeCode(over.json), over.headers.get('retry-after')]).toEqual([429, 'rate_limited', '30']);
    expect((await status(platform)).status).toBe(429);
  });

  it('returns only Retry-After among rate headers, on the 429 alone', async () => {
    const platform = await platformWith({ rateLimit: 1 });
    const allowed = await status(platform);
    const over = await status(platform);
    expect([...allowed.headers.keys()].filter((h) => /ratelimit|retry-after/i.test(h))).toEqual([]);
    expect([...over.headers.keys()].filter((h) => /ratelimit|retry-after/i.test(h))).toEqual(['retry-after']);
  });

  it('returns every answer when the limit is off, whatever RATE_LIMIT says', async () => {
    vi.stubEnv('RATE_LIMIT', '1');
    const platform = await platformWith({ rateLimit: false });
    expect(await spend(platform, 5)).toEqual([200, 200, 200, 200, 200]);
  });

  it('returns 429 from the limit RATE_LIMIT sets when the start options name none', async () => {
    vi.stubEnv('RATE_LIMIT', '2');
    const platform = await platformWith({});
    expect(await spend(platform, 3)).toEqual([200, 200, 429]);
  });

  it('returns the answer through the core client, which waits out the 429 as Retry-After asks', async () => {
    const platform = await platformWith({ rateLimit: 60 });
    await Promise.all(Array.from({ length: 60 }, () => call(platform, 'GET', '/api/v1/health')));
    expect((await call(platform, 'GET', '/api/v1/health')).status).toBe(429);
    const client = createCreditClient({ baseUrl: platform.url, retryDelayMs: 1 });
    const started = performance.now();
    await expect(client.health()).resolves.toMatchObject({ status: 'ok' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(900);
  });
});
