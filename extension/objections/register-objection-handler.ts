/**
 * `submitObjection` (section (二十七)): "report inaccurate information" from the card, posted with
 * the department's token. The platform marks the entry disputed at once; every open page learns
 * it through the changes feed the verdict service follows. A refusal comes back as a value with
 * the client error's kind and HTTP status, so the card can say "already disputed" (409).
 */
import type { CreditClient } from '../../core/api/create-credit-client.ts';
import { isCreditError } from '../../core/api/credit-error.ts';
import { onValidMessage } from '../messaging/on-valid-message.ts';
import { ok } from '../messaging/result.ts';

export interface ObjectionHandlerDeps {
  ready: Promise<unknown>;
  /** The client of the platform owning the entry (issue 17: several platforms). */
  client(owner: { code: string; entryId: string }): Pick<CreditClient, 'objection'>;
}

/** Registers the handler; returns the function that removes it. */
export function registerObjectionHandler(d: ObjectionHandlerDeps): () => void {
  return onValidMessage('submitObjection', async (request) => {
    await d.ready;
    try {
      return ok({ accepted: true as const, response: await d.client(request).objection(request) });
    } catch (error) {
      const credit = isCreditError(error) ? error : null;
      return ok({
        accepted: false as const,
        kind: credit?.kind ?? 'internal',
        status: credit?.status ?? null,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  });
}
