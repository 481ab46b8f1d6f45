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
import { strongerKind } from '../../core/verdict/verdict-strength.ts';
import type { VerdictService } from './create-verdict-service.ts';

export interface PageHandlerDeps {
  ready: Promise<unknown>;
  frames: FrameRegistry;
  service(): VerdictService;
  settings(): Settings;
  view(code: string, context: CheckContext): CodeView;
}

/** Registers the handlers; returns the function that removes them. */
export function registerPageHandlers(d: PageHandlerDeps): () => void {
  const removers = [
    onValidMessage('frameConfig', async (req, origin) => {
      await d.ready;
      if (origin.tabId === null || origin.frameId === null) return fail('permission', 'frameConfig is for content scripts');
      const context = siteContext(req.url, d.settings().sites, req.contextHint);
      d.frames.reset(origin.tabId, origin.frameId, req.url, context);
      return ok({ enabled: true, context });
    }),
    onValidMessage('lookup', async (req, origin) => {
      await d.ready;
      if (origin.tabId === null || origin.frameId === null) return fail('permission', 'lookup is for content scripts');
      const codes = [...new Set(req.codes)];
      d.frames.addCodes(origin.tabId, origin.frameId, codes);
      d.service().watch(codes);
      return ok({ views: codes.map((code) => d.view(code, req.context)) });
    }),
    onValidMessage('reportFindings', async (req, origin) => {
      await d.ready;
      if (origin.tabId === null || origin.frameId === null) return fail('permission', 'reportFindings is for content scripts');
      d.frames.setFindings(origin.tabId, origin.frameId, req.url, req.context, req.findings);
      return ok(null);
    }),
    onValidMessage('getTabFindings', async ({ tabId }, origin) => {
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
            row.kind = strongerKind(row.kind, f.kind);
            row.name ??= f.name;
          }
        }
      }
      return ok({
        tabId,
        frames: frames.map(({ frameId, url, context }) => ({ frameId, url, context })),
        findings: [...byCode.values()],
      });
    }),
    onValidMessage('recheckTab', async ({ tabId }, origin) => {
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
