/**
 * The background's answers to content scripts (`frameConfig`, `lookup`, `reportFindings`) and to
 * the popup about a tab (`getTabFindings`, `recheckTab`). Content scripts only ever receive
 * verdict views: no token, no settings beyond their frame's context.
 */
import type { CheckContext } from '../../core/api/check-context-schema.ts';
import { onValidMessage } from '../messaging/on-valid-message.ts';
import type { CodeView, TabFinding } from '../messaging/protocol.ts';
import { fail, ok } from '../messaging/result.ts';
import type { Settings } from '../settings/settings-schema.ts';
import type { FrameRegistry } from './frame-registry.ts';
import { siteContext } from './site-context.ts';
import { parseUscc } from '../../core/uscc/parse-uscc.ts';
import type { UsccValidity } from '../../core/uscc/uscc-types.ts';
import { strongerKind } from '../../core/verdict/verdict-strength.ts';
import { localVerdict } from '../../core/verdict/local-verdict.ts';
import { createTabBudget, type TabBudget } from './create-tab-budget.ts';
import type { VerdictService } from './create-verdict-service.ts';

export interface PageHandlerDeps {
  ready: Promise<unknown>;
  frames: FrameRegistry;
  service(): VerdictService;
  settings(): Settings;
  view(code: string, context: CheckContext): CodeView;
  /** Distinct codes per tab and minute (create-tab-budget.ts); default from `settings().maxCodesPerMinute`. */
  budget?: TabBudget;
  /** Where handlers listen; default the extension's messenger (tests pass their own). */
  messenger?: Parameters<typeof onValidMessage>[2];
  /** Sends fresh views to one frame (after `resumeTab`). */
  push?(tabId: number, frameId: number, views: CodeView[]): void;
  /** A page asked for verdicts: the platform may be reachable again (the feedback queue tries what waits). */
  onLookup?(): void;
}

/** Registers the handlers; returns the function that removes them. */
export function registerPageHandlers(d: PageHandlerDeps): () => void {
  const budget = d.budget ?? createTabBudget({ limit: () => d.settings().maxCodesPerMinute });
  const on: typeof onValidMessage = (type, handler) => onValidMessage(type, handler, d.messenger);
  const removers = [
    on('frameConfig', async (req, origin) => {
      await d.ready;
      if (origin.tabId === null || origin.frameId === null) return fail('permission', 'frameConfig is for content scripts');
      const context = siteContext(req.url, d.settings().sites, req.contextHint);
      d.frames.reset(origin.tabId, origin.frameId, req.url, context);
      if (origin.frameId === 0) budget.navigated(origin.tabId);
      return ok({ enabled: true, context, highlightApi: d.settings().highlightApi });
    }),
    on('lookup', async (req, origin) => {
      await d.ready;
      if (origin.tabId === null || origin.frameId === null) return fail('permission', 'lookup is for content scripts');
      d.onLookup?.();
      const seen = new Map<string, UsccValidity>();
      for (const { code, validity } of req.codes) {
        // The scanner's reading travels with the code; it is checked here, never taken on trust.
        if (parseUscc(code).validity !== validity) return fail('invalid-message', `lookup: ${code} is not ${validity}`);
        seen.set(code, validity);
      }
      // Invalid codes are never asked for: their view is local.
      const codes = [...seen.keys()].filter((code) => seen.get(code) !== 'invalid');
      const local = [...seen.keys()].filter((code) => seen.get(code) === 'invalid');
      // A page asking for too many codes in a minute is paused: the rest wait for the person (popup).
      const { admitted, held } = budget.admit(origin.tabId, origin.frameId, codes);
      d.frames.addCodes(origin.tabId, origin.frameId, admitted);
      d.service().watch(admitted);
      const waiting = new Set(held);
      // The frame's context is the one frameConfig settled on: the registry's, not the message's.
      const context = d.frames.contextOf(origin.tabId, origin.frameId);
      return ok({
        views: [
          ...codes.map((code) => (waiting.has(code) ? pausedView(d.view(code, context)) : d.view(code, context))),
          ...local.map((code) => d.view(code, context)),
        ],
      });
    }),
    on('reportFindings', async (req, origin) => {
      await d.ready;
      if (origin.tabId === null || origin.frameId === null) return fail('permission', 'reportFindings is for content scripts');
      d.frames.setFindings(origin.tabId, origin.frameId, req.url, req.findings);
      // Painted: codes the snapshot answered are asked for their full answer now.
      d.service().release(req.findings.filter((f) => f.kind !== 'pending').map((f) => f.code));
      return ok(null);
    }),
    on('getTabFindings', async ({ tabId }, origin) => {
      await d.ready;
      if (!origin.extensionPage) return fail('permission', 'getTabFindings is for extension pages');
      const frames = d.frames.framesOf(tabId);
      const byCode = new Map<string, TabFinding>();
      for (const frame of frames) {
        for (const f of frame.findings) {
          const row = byCode.get(f.code);
          if (!row) byCode.set(f.code, { ...f, frameIds: [frame.frameId] });
          else {
            row.count += f.count;
            if (!row.frameIds.includes(frame.frameId)) row.frameIds.push(frame.frameId);
            const kind = strongerKind(row.kind, f.kind);
            // The look goes with the kind that wins; of two equal clears, the full (token) one.
            if (kind !== row.kind || (kind === f.kind && f.look === 'clear')) row.look = f.look;
            row.kind = kind;
            row.name ??= f.name;
          }
        }
      }
      return ok({
        tabId,
        frames: frames.map(({ frameId, url, context }) => ({ frameId, url, context })),
        findings: [...byCode.values()],
        paused: budget.pause(tabId),
      });
    }),
    on('resumeTab', async ({ tabId }, origin) => {
      await d.ready;
      if (!origin.extensionPage) return fail('permission', 'resumeTab is for extension pages');
      let count = 0;
      for (const [frameId, codes] of budget.resume(tabId)) {
        const frame = d.frames.frame(tabId, frameId);
        if (!frame) continue;
        d.frames.addCodes(tabId, frameId, codes);
        d.service().watch(codes);
        count += codes.length;
        // Answers arrive by push as they come; this tells the frame they are being asked now.
        d.push?.(
          tabId,
          frameId,
          codes.map((code) => d.view(code, frame.context)),
        );
      }
      return ok({ codes: count });
    }),
    on('recheckTab', async ({ tabId }, origin) => {
      await d.ready;
      if (!origin.extensionPage) return fail('permission', 'recheckTab is for extension pages');
      const codes = [...new Set(d.frames.framesOf(tabId).flatMap((frame) => frame.codes))];
      // Not awaited: invalidation refetches (with retries); the frames hear the outcome by push.
      void d.service().invalidate(codes);
      void d.service().pollChanges();
      return ok({ codes: codes.length });
    }),
  ];
  return () => removers.forEach((remove) => remove());
}

/** A code held while its tab is paused: not asked for, so unknown (never clear), saying why. */
function pausedView(view: CodeView): CodeView {
  return { ...view, verdict: localVerdict('unknown', { code: 'paused' }), result: null, measures: null };
}
