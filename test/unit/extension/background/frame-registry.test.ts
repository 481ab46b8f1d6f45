import { describe, expect, it, vi } from 'vitest';
import { createFrameRegistry } from '../../../../extension/background/frame-registry.ts';

describe('createFrameRegistry', () => {
  it('tracks codes per frame and finds the frames showing a code', () => {
    const frames = createFrameRegistry();
    frames.reset(1, 0, 'http://127.0.0.1/a', 'general');
    frames.reset(1, 3, 'http://127.0.0.1/f', 'procurement');
    frames.addCodes(1, 0, ['A', 'B']);
    frames.addCodes(1, 3, ['B']);
    expect(frames.framesWith('B').map((f) => f.frameId)).toEqual([0, 3]);
    expect([...frames.allCodes()].sort()).toEqual(['A', 'B']);
  });

  it('forgets a frame that starts again and a tab that closes', () => {
    const frames = createFrameRegistry();
    frames.addCodes(1, 0, ['A']);
    frames.addCodes(2, 0, ['B']);
    frames.reset(1, 0, 'http://127.0.0.1/next', 'general');
    frames.dropTab(2);
    expect(frames.allCodes().size).toBe(0);
  });

  it('keeps the context a frame was configured with, whatever its findings report', () => {
    const frames = createFrameRegistry();
    frames.reset(3, 1, 'http://127.0.0.1/bid', 'procurement');
    frames.setFindings(3, 1, 'http://127.0.0.1/bid#row', [{ code: 'A', validity: 'valid', kind: 'clear', name: null, count: 1 }]);
    expect(frames.contextOf(3, 1)).toBe('procurement');
    expect(frames.frame(3, 1)?.url).toBe('http://127.0.0.1/bid#row');
    expect(frames.contextOf(3, 2)).toBe('general');
  });

  it('survives a round trip through JSON and reports changes', () => {
    const onChange = vi.fn();
    const frames = createFrameRegistry([], onChange);
    frames.setFindings(5, 0, 'http://127.0.0.1/a', [{ code: 'A', validity: 'valid', kind: 'black', name: '甲', count: 2 }]);
    frames.addCodes(5, 0, ['A']);
    expect(onChange).toHaveBeenCalledTimes(2);
    const restored = createFrameRegistry(JSON.parse(JSON.stringify(frames.toJSON())));
    expect(restored.framesOf(5)).toEqual(frames.framesOf(5));
  });
});
