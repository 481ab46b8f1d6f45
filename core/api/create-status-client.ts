import { MAX_CODES_PER_STATUS_REQUEST } from './api-limits.ts';
import { ChangesResponseSchema, type ChangesResponse } from './changes-schema.ts';
import type { CheckContext } from './check-context-schema.ts';
import { createCreditTransport, type CallOptions, type CreditClientOptions, type CreditTransport } from './create-credit-transport.ts';
import { CreditError } from './credit-error.ts';
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

/** How far in the future an answer's `asOf` may lie (clocks differ a little); beyond it the answer is off-contract. */
export const MAX_CLOCK_SKEW_MS = 2 * 60_000;

/** A status client over its own transport, or over one shared with the full client. */
export function createStatusClient(options: CreditClientOptions | CreditTransport, clock: () => number = Date.now): StatusClient {
  const { call, get } = 'call' in options ? options : createCreditTransport(options);
  const now = 'call' in options ? clock : (options.now ?? clock);
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
          }).then((answer) => checkStatusAnswer(chunk, answer, now())),
        ),
      );
      return mergeStatus(answers);
    },
    changes: (since, opts = {}) => get(`/api/v1/changes?since=${encodeURIComponent(String(since))}`, ChangesResponseSchema, opts.signal),
    health: (opts = {}) => get('/api/v1/health', HealthResponseSchema, opts.signal),
  };
}

/**
 * What the schema cannot see: every result answers a code that was asked, once (a black answer
 * followed by a `found: false` copy of the same code must not read as clear), and no answer comes
 * from the future beyond a small skew (its age would read as "just now" however old it is). Either
 * fault makes the whole answer off-contract: kind `schema`, which the verdict shows as unknown.
 */
function checkStatusAnswer(asked: readonly string[], answer: StatusResponse, nowMs: number): StatusResponse {
  const byForm = new Map<string, string>();
  for (const code of asked) {
    byForm.set(code, code);
    byForm.set(code.trim().toUpperCase(), code);
  }
  const answered = new Set<string>();
  for (const result of answer.results) {
    const code = byForm.get(result.code) ?? byForm.get(result.code.trim().toUpperCase());
    if (code === undefined) throw new CreditError('schema', `the answer holds a code that was not asked (${result.code.slice(0, 40)})`);
    if (answered.has(code)) throw new CreditError('schema', `the answer lists code ${code} twice`);
    answered.add(code);
  }
  for (const asOf of [answer.asOf, ...answer.results.map((r) => r.asOf)]) {
    if (Date.parse(asOf) - nowMs > MAX_CLOCK_SKEW_MS) throw new CreditError('schema', `the answer is dated in the future (${asOf})`);
  }
  return answer;
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
