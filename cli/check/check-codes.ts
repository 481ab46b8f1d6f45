import type { CheckContext } from '../../core/api/check-context-schema.ts';
import { createCreditClient } from '../../core/api/create-credit-client.ts';
import type { Measure } from '../../core/api/measure-schema.ts';
import { createStatusQueryClient } from '../../core/query/create-status-query-client.ts';
import { createStatusStore } from '../../core/query/create-status-store.ts';
import { tokenFingerprint } from '../../core/query/token-fingerprint.ts';
import { parseUscc } from '../../core/uscc/parse-uscc.ts';
import { applicableMeasures, type ApplicableMeasure } from '../../core/verdict/applicable-measures.ts';
import { DEFAULT_FRESHNESS_MS } from '../../core/verdict/compute-verdict.ts';
import { localVerdict } from '../../core/verdict/local-verdict.ts';
import { suspectVerdict } from '../../core/verdict/suspect-verdict.ts';
import type { Verdict } from '../../core/verdict/verdict-types.ts';

/** One code as `cli check` reports it. */
export interface CodeCheck {
  /** As given on the command line or in the file. */
  input: string;
  /** Normalized (parseUscc). */
  code: string;
  validity: 'valid' | 'suspect' | 'invalid';
  verdict: Verdict;
  /** The registered name, when the platform gave one. */
  name: string | null;
  /** The catalogue's measures for the context; null when the catalogue could not be had. */
  measures: ApplicableMeasure[] | null;
}

export interface CheckCodesOptions {
  platform: string;
  token: string | null;
  context: CheckContext;
  fetch?: typeof fetch;
  now?: () => Date;
}

/**
 * Checks codes the way a page does: codes are parsed locally (an invalid one is never sent), the
 * rest go through core's status client and store (batched, validated, retried), the verdict is
 * the store's (core/verdict computeVerdict), a suspect code's by core/verdict suspectVerdict, and
 * the measures by applicableMeasures over the platform's catalogue — the same functions the
 * extension's card and the widget use, so the command line says what they would show.
 */
export async function checkCodes(inputs: readonly string[], opts: CheckCodesOptions): Promise<CodeCheck[]> {
  const now = opts.now ?? (() => new Date());
  // One retry each, in the transport and the store: a command line should not wait half a minute for an outage.
  const client = createCreditClient({ baseUrl: opts.platform, token: opts.token, retries: 1, ...(opts.fetch && { fetch: opts.fetch }) });
  // One query client for this command; cleared when done, as its clean-up timers would keep the process alive.
  const queryClient = createStatusQueryClient();
  const store = createStatusStore({
    queryClient,
    source: { platform: opts.platform, tokenFingerprint: tokenFingerprint(opts.token) },
    client,
    context: opts.context,
    now,
    retries: 1,
  });
  const catalogue: Promise<Measure[] | null> = client.measures({ context: opts.context }).then(
    (m) => m.measures,
    () => null,
  );
  try {
    return await Promise.all(
      inputs.map(async (input): Promise<CodeCheck> => {
        const parsed = parseUscc(input);
        if (parsed.validity === 'invalid') {
          return { input, code: parsed.code, validity: 'invalid', verdict: localVerdict('invalid', { code: 'invalid-code' }), name: null, measures: [] };
        }
        const { result, ...stored } = await store.get(parsed.code);
        const verdict = parsed.validity === 'suspect' ? suspectVerdict(stored, result, now(), DEFAULT_FRESHNESS_MS) : stored;
        const measures = await catalogue;
        return {
          input,
          code: parsed.code,
          validity: parsed.validity,
          verdict,
          name: result?.subject?.name ?? null,
          measures: measures && applicableMeasures(verdict, measures, opts.context),
        };
      }),
    );
  } finally {
    queryClient.clear();
  }
}
