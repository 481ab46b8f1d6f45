import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { testConnection } from '../../../../extension/settings/test-connection.ts';

const stamp = { asOf: '2026-11-26T10:00:00.000Z', dataVersion: 7 };
const health = { status: 'ok', apiVersion: 'v1', platform: '汉阳区信用平台', anonymousReads: true, ...stamp };

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** A fake platform: `/health` always answers; `/changes` accepts only `good-token`. */
function fakePlatform() {
  return vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    const path = new URL(String(url)).pathname;
    if (path === '/api/v1/health') return json(health);
    if (path === '/api/v1/changes') {
      const auth = new Headers(init?.headers).get('Authorization');
      if (auth !== 'Bearer good-token') return json({ error: { code: 'unauthorized', message: 'bad token' } }, 401);
      return json({ changes: [], cursor: 7, hasMore: false, ...stamp });
    }
    return json({ error: { code: 'not_found', message: 'no' } }, 404);
  });
}

describe('testConnection', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reports the platform without judging a token when none is set', async () => {
    const fetch = fakePlatform();
    const result = await testConnection({ platformUrl: 'http://platform.test' }, { fetch });
    expect(result).toMatchObject({ ok: true, value: { platform: '汉阳区信用平台', apiVersion: 'v1', anonymousReads: true, tokenAccepted: null } });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['good-token', true],
    ['bad-token', false],
  ])('reports whether the platform accepts %s', async (token, accepted) => {
    const result = await testConnection({ platformUrl: 'http://platform.test', token }, { fetch: fakePlatform() });
    expect(result).toMatchObject({ ok: true, value: { tokenAccepted: accepted } });
  });

  it('uses the saved URL and token when the request leaves them out', async () => {
    await fakeBrowser.storage.local.set({ settings: { platformUrl: 'http://saved.test', token: 'good-token' } });
    const fetch = fakePlatform();
    const result = await testConnection({}, { fetch });
    expect(result).toMatchObject({ ok: true, value: { tokenAccepted: true } });
    expect(String(fetch.mock.calls[0]![0])).toBe('http://saved.test/api/v1/health');
  });

  it('returns the failure kind when the platform cannot be reached', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await testConnection({ platformUrl: 'http://down.test' }, { fetch })).toMatchObject({ ok: false, error: { kind: 'offline' } });
  });

  it('returns a schema failure when something else answers', async () => {
    const fetch = vi.fn(async () => new Response('<html>proxy login</html>', { status: 200 }));
    expect(await testConnection({ platformUrl: 'http://proxy.test' }, { fetch })).toMatchObject({ ok: false, error: { kind: 'schema' } });
  });
});
