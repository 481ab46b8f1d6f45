/** How long the HTTP server waits for a caller, in milliseconds. */
export interface ServerTimeouts {
  /** The whole request, headers and body, must arrive within this (Node answers 408 and closes). */
  requestMs: number;
  /** The request headers must arrive within this. At most `requestMs`. */
  headersMs: number;
  /** A connection with nothing sent or received for this long is closed (idle keep-alive, stalled bodies). */
  idleMs: number;
}

/**
 * 30 s for a request, 10 s for its headers, 10 s of silence: a record of 500 codes is a few
 * hundred kilobytes and arrives in well under a second on any office line, while a caller that
 * trickles its body (slowloris) holds a connection for 30 s at most instead of forever.
 */
export const DEFAULT_SERVER_TIMEOUTS: ServerTimeouts = { requestMs: 30_000, headersMs: 10_000, idleMs: 10_000 };

/** The Fastify options that enforce `timeouts`; Node checks running requests against them every second at most. */
export function serverTimeoutOptions(timeouts: ServerTimeouts): {
  requestTimeout: number;
  connectionTimeout: number;
  http: { headersTimeout: number; requestTimeout: number; connectionsCheckingInterval: number };
} {
  const headersMs = Math.min(timeouts.headersMs, timeouts.requestMs);
  return {
    requestTimeout: timeouts.requestMs,
    connectionTimeout: timeouts.idleMs,
    http: {
      headersTimeout: headersMs,
      requestTimeout: timeouts.requestMs,
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(headersMs / 4))),
    },
  };
}
