import { focusManager, onlineManager } from '@tanstack/query-core';
import { afterEach, describe, expect, it } from 'vitest';
import { attachWorkerManagers } from '../../../../core/query/attach-worker-managers.ts';

describe('attachWorkerManagers', () => {
  afterEach(() => {
    onlineManager.setOnline(true);
    focusManager.setFocused(undefined);
  });

  it('returns focused always and online as the worker says, following its online and offline events', () => {
    const target = new EventTarget();
    let online = false;
    attachWorkerManagers({
      addEventListener: (type, listener) => target.addEventListener(type, listener),
      removeEventListener: (type, listener) => target.removeEventListener(type, listener),
      isOnline: () => online,
    });
    expect(focusManager.isFocused()).toBe(true);
    expect(onlineManager.isOnline()).toBe(false);
    online = true;
    target.dispatchEvent(new Event('online'));
    expect(onlineManager.isOnline()).toBe(true);
    target.dispatchEvent(new Event('offline'));
    expect(onlineManager.isOnline()).toBe(false);
  });
});
