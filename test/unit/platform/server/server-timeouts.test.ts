import { describe, expect, it } from 'vitest';
import { DEFAULT_SERVER_TIMEOUTS, serverTimeoutOptions } from '../../../../platform/server/server-timeouts.ts';

describe('serverTimeoutOptions', () => {
  it('returns 30 s for a request, 10 s for headers and 10 s of silence by default, checked every second', () => {
    expect(serverTimeoutOptions(DEFAULT_SERVER_TIMEOUTS)).toEqual({
      requestTimeout: 30_000,
      connectionTimeout: 10_000,
      http: { headersTimeout: 10_000, requestTimeout: 30_000, connectionsCheckingInterval: 1000 },
    });
  });

  it('returns a header timeout no longer than the request timeout', () => {
    expect(serverTimeoutOptions({ requestMs: 800, headersMs: 5000, idleMs: 800 }).http.headersTimeout).toBe(800);
  });
});
