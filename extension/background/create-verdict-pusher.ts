/**
 * Sends `verdictsChanged` to the frames that show a code whose verdict changed, collected over a
 * short window so a batch answer of 100 codes is one message per frame, not 100.
 */
import type { CodeVerdict } from '../../core/query/create-status-store.ts';
import type { CodeView } from '../messaging/protocol.ts';
import type { FrameRecord, FrameRegistry } from './frame-registry.ts';

export interface VerdictPusherOptions {
  frames: FrameRegistry;
  view(code: string, verdict: CodeVerdict, frame: FrameRecord): CodeView;
  send(tabId: number, frameId: number, views: CodeView[]): Promise<unknown>;
  windowMs?: number;
}

/** Returns `push(code, verdict)`. */
export function createVerdictPusher(o: VerdictPusherOptions): (code: string, verdict: CodeVerdict) => void {
  let pending = new Map<string, CodeVerdict>();
  let timer: ReturnType<typeof setTimeout> | null = null;

  function flush(): void {
    timer = null;
    const batch = pending;
    pending = new Map();
    const perFrame = new Map<FrameRecord, CodeView[]>();
    for (const [code, verdict] of batch) {
      for (const frame of o.frames.framesWith(code)) {
        const list = perFrame.get(frame) ?? [];
        list.push(o.view(code, verdict, frame));
        perFrame.set(frame, list);
      }
    }
    for (const [frame, views] of perFrame) {
      // A frame that navigated away has no listener: that is not an error worth reporting.
      o.send(frame.tabId, frame.frameId, views).catch(() => undefined);
    }
  }

  return (code, verdict) => {
    pending.set(code, verdict);
    if (timer === null) timer = setTimeout(flush, o.windowMs ?? 40);
  };
}
