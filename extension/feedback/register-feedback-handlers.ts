/**
 * `getFeedback`, `submitFeedback`, `retryFeedback`, `discardFeedback`, `setCaseReference` (from
 * the card) and `getCaseReference` (from the popup). The card never sees the token: it hands over
 * drafts, the background adds who reports and sends them through the queue.
 */
import { onValidMessage } from '../messaging/on-valid-message.ts';
import { fail, ok } from '../messaging/result.ts';
import type { CaseReferenceStore } from './case-reference-store.ts';
import type { FeedbackService } from './create-feedback-service.ts';

export interface FeedbackHandlerDeps {
  ready: Promise<unknown>;
  service: FeedbackService;
  cases: CaseReferenceStore;
}

/** Registers the handlers; returns the function that removes them. */
export function registerFeedbackHandlers(d: FeedbackHandlerDeps): () => void {
  const removers = [
    onValidMessage('getFeedback', async ({ code, caseReference, queuedOnly }, origin) => {
      await d.ready;
      return ok(await d.service.view(code, caseReference, origin.tabId, queuedOnly ?? false));
    }),
    onValidMessage('submitFeedback', async ({ drafts, context }, origin) => {
      await d.ready;
      if (new Set(drafts.map((draft) => draft.code)).size > 1) return fail('invalid-message', 'submitFeedback: one code per submission');
      return ok(await d.service.submit(drafts, context, origin.tabId));
    }),
    onValidMessage('retryFeedback', async ({ idempotencyKey }) => {
      await d.ready;
      await d.service.queue.retry(idempotencyKey);
      return ok(null);
    }),
    onValidMessage('discardFeedback', async ({ idempotencyKey }) => {
      await d.ready;
      await d.service.queue.discard(idempotencyKey);
      return ok(null);
    }),
    onValidMessage('setCaseReference', async ({ value, source }, origin) => {
      if (origin.tabId === null) return fail('permission', 'setCaseReference is for content scripts');
      await d.cases.set(origin.tabId, value, source);
      return ok(null);
    }),
    onValidMessage('getCaseReference', async ({ tabId }, origin) => {
      if (!origin.extensionPage) return fail('permission', 'getCaseReference is for extension pages');
      return ok({ value: await d.cases.get(tabId) });
    }),
  ];
  return () => removers.forEach((remove) => remove());
}
