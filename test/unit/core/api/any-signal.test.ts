import { afterEach, describe, expect, it, vi } from 'vitest';
import { anySignal } from '../../../../core/api/any-signal.ts';

describe('anySignal', () => {
  afterEach(() => vi.unstubAllGlobals());

  it.each([
    ['native', false],
    ['fallback', true],
  ])('aborts with the first reason (%s)', (_name, hideNative) => {
    if (hideNative) vi.stubGlobal('AbortSignal', Object.assign(Object.create(AbortSignal), { any: undefined }));
    const a = new AbortController();
    const b = new AbortController();
    const any = anySignal([a.signal, b.signal]);
    expect(any.aborted).toBe(false);
    b.abort('second');
    a.abort('first');
    expect(any.aborted).toBe(true);
    expect(any.reason).toBe('second');
    expect(anySignal([AbortSignal.abort('done')]).reason).toBe('done');
  });
});
