import { MAX_CODES_PER_STATUS_REQUEST } from './api-limits.ts';
import { ChangesResponseSchema, type ChangesResponse } from './changes-schema.ts';
import type { CheckContext } from './check-context-schema.ts';
import { createCreditTransport, type CallOptions, type CreditClientOptions, type CreditTransport } from './create-credit-transport.ts';
import { HealthResponseSchema, type HealthResponse } from './health-schema.ts';
import { StatusResponseSchema, type StatusResponse } from './status-schema.ts';

export interface StatusOptions extends CallOptions {
  context?: CheckContext;
  purpose?: string;
}

/**
 * The part of the API a page needs to show verdicts: status, the changes feed and health. Kept apart
 * from the full client so the widget's script tag carries only these schemas (the card's
 * endpoints load with the card).
 */
export interface StatusClient {
  /** Splits more than 500 codes into several requests and merges the answers (oldest `asOf` wins). */
  status(codes: string[], opts?: StatusOptions): Promise<StatusResponse>;
  changes(since: number, opts?: CallOptions): Promise<ChangesResponse>;
  /** Where the changes feed stands now (`dataVersion`), and that the platform is up. */
  health(opts?: CallOptions): Promise<HealthResponse>;
}

/** A status client over its own transport, or over one shared with the full client. */
export function createStatusClient(options: CreditClientOptions | CreditTransport): StatusClient {
  const { call, get } = 'call' in options ? options : createCreditTransport(options);
  return {
    async status(codes, opts = {}) {
      const chunks: string[][] = [];
      for (let i = 0; i < codes.length; i += MAX_CODES_PER_STATUS_REQUEST) {
        chunks.push(codes.slice(i, i + MAX_CODES_PER_STATUS_REQUEST));
      }
      const extra = { ...(opts.context && { context: opts.context }), ...(opts.purpose && { purpose: opts.purpose }) };
      const answers = await Promise.all(
        chunks.map((chunk) =>
          call({
            method: 'POST',
            path: '/api/v1/status',
            body: { codes: chunk, ...extra },
            schema: StatusResponseSchema,
            retry: true,
            signal: opts.signal,
          }),
        ),
      );
      return mergeStatus(answers);
    },
    changes: (since, opts = {}) =>
      get(`/api/v1/changes?since=${encodeURIComponent(String(since))}`, ChangesResponseSchema, opts.signal),
    health: (opts = {}) => get('/api/v1/health', HealthResponseSchema, opts.signal),
  };
}

function mergeStatus(answers: StatusResponse[]): StatusResponse {
  const [first, ...rest] = answers;
  if (!first) return { results: [], asOf: new Date(0).toISOString(), dataVersion: 0 };
  return rest.reduce<StatusResponse>(
    (acc, next) => ({
      results: [...acc.results, ...next.results],
      asOf: Date.parse(next.asOf) < Date.parse(acc.asOf) ? next.asOf : acc.asOf,
      dataVersion: Math.min(acc.dataVersion, next.dataVersion),
    }),
    first,
  );
}

