/**
 * Turns the store's verdict for a code into the plain `CodeView` that crosses the message
 * boundary: the verdict, the answer it rests on, and the measures for the frame's context.
 */
import type { CheckContext } from '../../core/api/check-context-schema.ts';
import type { Measure } from '../../core/api/measure-schema.ts';
import type { CodeVerdict } from '../../core/query/create-status-store.ts';
import { parseUscc } from '../../core/uscc/parse-uscc.ts';
import { applicableMeasures } from '../../core/verdict/applicable-measures.ts';
import { pendingVerdict } from '../../core/verdict/pending-verdict.ts';
import type { CodeView } from '../messaging/protocol.ts';

/** The view of `code`; `verdict` null means never asked (shown as pending). */
export function toCodeView(
  code: string,
  verdict: CodeVerdict | null,
  context: CheckContext,
  catalogue: Measure[] | null,
  platformUrl: string | null,
): CodeView {
  const { result = null, ...plain } = verdict ?? { ...pendingVerdict(), result: null };
  return {
    code,
    validity: parseUscc(code).validity,
    verdict: plain,
    result,
    measures: catalogue ? applicableMeasures(plain, catalogue, context) : null,
    context,
    platformUrl,
  };
}
