/**
 * Turns the store's verdict for a code into the plain `CodeView` that crosses the message
 * boundary: the verdict, the answer it rests on, and the measures for the frame's context.
 * A suspect code (only its check character wrong) is queried like any other, but its verdict is
 * computed with `suspect: true`: "not on any list" reads `suspect-code`, and a code the platform
 * does not know is `invalid` (`suspect-not-found`) — never a confident clear, also as the last answer of an outage.
 */
import type { CheckContext } from '../../core/api/check-context-schema.ts';
import type { Measure } from '../../core/api/measure-schema.ts';
import type { CodeVerdict } from '../../core/query/create-status-store.ts';
import { parseUscc } from '../../core/uscc/parse-uscc.ts';
import { applicableMeasures } from '../../core/verdict/applicable-measures.ts';
import { DEFAULT_FRESHNESS_MS } from '../../core/verdict/compute-verdict.ts';
import { suspectVerdict } from '../../core/verdict/suspect-verdict.ts';
import { stripControlsDeep } from '../../core/text/strip-controls.ts';
import { pendingVerdict } from '../../core/verdict/local-verdict.ts';
import type { CodeView } from '../messaging/protocol.ts';

/** The view of `code`; `verdict` null means never asked (shown as pending). */
export function toCodeView(
  code: string,
  verdict: CodeVerdict | null,
  context: CheckContext,
  catalogue: Measure[] | null,
  platformUrl: string | null,
  freshnessMs: number = DEFAULT_FRESHNESS_MS,
): CodeView {
  const validity = parseUscc(code).validity;
  // Platform data is text to show: bidi and zero-width controls are dropped before it reaches a card or the popup.
  const { result = null, ...stored } = stripControlsDeep(verdict ?? { ...pendingVerdict(), result: null });
  const plain = validity === 'suspect' ? suspectVerdict(stored, result, new Date(), freshnessMs) : stored;
  return {
    code,
    validity,
    verdict: plain,
    result,
    measures: catalogue ? applicableMeasures(plain, catalogue, context) : null,
    context,
    platformUrl,
  };
}
