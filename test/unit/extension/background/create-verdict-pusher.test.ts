import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFrameRegistry } from '../../../../extension/background/frame-registry.ts';
import { createVerdictPusher } from '../../../../extension/background/create-verdict-pusher.ts';
import { toCodeView } from '../../../../extension/background/to-code-view.ts';
import type { CodeVerdict } from '../../../../core/query/create-status-store.ts';
import { pendingVerdict } from '../../../../core/verdict/local-verdict.ts';

const verdict = (kind: CodeVerdict['kind']): CodeVerdict => ({ ...pendingVerdict(), kind, result: null });

describe('createVerdictPusher', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends one message per frame with every changed code that frame shows', async () => {
    const frames = createFrameRegistry();
    frames.addCodes(1, 0, ['A', 'B']);
    frames.addCodes(1, 2, ['B']);
    frames.addCodes(2, 0, ['C']);
    const send = vi.fn(async (_tab: number, _frame: number, _views: unknown) => undefined);
    const push = createVerdictPusher({ frames, send, view: (code, v, frame) => toCodeView(code, v, frame.context, null, null) });
    push('A', verdict('black'));
    push('B', verdict('red'));
    await vi.advanceTimersByTimeAsync(50);
    expect(send).toHaveBeenCalledTimes(2);
    const byFrame = Object.fromEntries(
      send.mock.calls.map(([tab, frame, views]) => [
        `${tab}:${frame}`,
        (views as { code: string; verdict: { kind: string } }[]).map((v) => `${v.code}=${v.verdict.kind}`),
      ]),
    );
    expect(byFrame).toEqual({ '1:0': ['A=black', 'B=red'], '1:2': ['B=red'] });
  });

  it('ignores a frame that is gone', async () => {
    const frames = createFrameRegistry();
    frames.addCodes(1, 0, ['A']);
    const send = vi.fn(async (_tab: number, _frame: number, _views: unknown): Promise<undefined> =>
      Promise.reject(new Error('Could not establish connection')),
    );
    const push = createVerdictPusher({ frames, send, view: (code, v, frame) => toCodeView(code, v, frame.context, null, null) });
    push('A', verdict('clear'));
    await vi.advanceTimersByTimeAsync(50);
    expect(send).toHaveBeenCalledTimes(1);
  });
});
