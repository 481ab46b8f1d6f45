/**
 * `checkCodes` and `getBatch`: a pasted list of codes checked from the popup, answered at once
 * with a batch id and followed by polling `getBatch` or listening for `batchProgress`. Valid and
 * suspect codes are asked for (a suspect code's verdict says so); invalid ones stay local.
 */
import type { CheckContext } from '../../core/api/check-context-schema.ts';
import { matchCodes } from '../../core/scan/match-codes.ts';
import { sendMessage } from '../messaging/protocol.ts';
import type { BatchState, CodeView } from '../messaging/protocol.ts';
import { onValidMessage } from '../messaging/on-valid-message.ts';
import { fail, ok } from '../messaging/result.ts';
import type { VerdictService } from './create-verdict-service.ts';
import type { CodeVerdict } from '../../core/query/create-status-store.ts';

export interface BatchHandlerDeps {
  ready: Promise<unknown>;
  service(): VerdictService;
  toView(code: string, verdict: CodeVerdict | null, context: CheckContext): CodeView;
  /** At most this many batches are kept for `getBatch`. */
  keep?: number;
  /** Where handlers listen; default the extension's messenger (tests pass their own). */
  messenger?: Parameters<typeof onValidMessage>[2];
}

const MAX_CODES = 5000;

/** Registers the handlers; returns the function that removes them. */
export function registerBatchHandlers(d: BatchHandlerDeps): () => void {
  const batches = new Map<string, BatchState>();
  let seq = 0;

  function announce(state: BatchState): void {
    // Nobody may be listening (popup closed): that is fine, getBatch still answers.
    sendMessage('batchProgress', state).catch(() => undefined);
  }

  return ((): (() => void) => {
    const removers = [
      onValidMessage(
        'checkCodes',
        async ({ text, context }, origin) => {
          await d.ready;
          if (!origin.extensionPage) return fail('permission', 'checkCodes is for extension pages');
          const seen = new Set<string>();
          const codes = matchCodes(text)
            .map((m) => m.code)
            .filter((code) => !seen.has(code) && seen.add(code))
            .slice(0, MAX_CODES);
          const batchId = `b${Date.now().toString(36)}${(seq++).toString(36)}`;
          const state: BatchState = {
            batchId,
            total: codes.length,
            done: 0,
            finished: codes.length === 0,
            views: codes.map((code) => d.toView(code, null, context)),
          };
          batches.set(batchId, state);
          while (batches.size > (d.keep ?? 5)) batches.delete(batches.keys().next().value!);
          const service = d.service();
          codes.forEach((code, i) => {
            const view = state.views[i]!;
            // A service replaced meanwhile (settings or token changed) answers `pending`: its successor is asked.
            const ask = async (): Promise<CodeVerdict> => {
              const verdict = await service.get(code);
              const current = d.service();
              return verdict.kind === 'pending' && current !== service ? current.get(code) : verdict;
            };
            const answered = view.validity !== 'invalid' ? ask() : Promise.resolve(null);
            void answered.then((verdict) => {
              if (verdict) state.views[i] = d.toView(code, verdict, context);
              else state.views[i] = { ...view, verdict: { ...view.verdict, kind: 'invalid', reason: { code: 'invalid-code' } } };
              state.done++;
              state.finished = state.done === state.total;
              announce(state);
            });
          });
          return ok(state);
        },
        d.messenger,
      ),
      onValidMessage(
        'getBatch',
        ({ batchId }) => {
          const state = batches.get(batchId);
          return state ? ok(state) : fail('not-found', 'no such batch (the background may have restarted)');
        },
        d.messenger,
      ),
    ];
    return () => removers.forEach((remove) => remove());
  })();
}
