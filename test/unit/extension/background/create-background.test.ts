import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { messenger, REQUEST_SCHEMAS, type ProtocolMap } from '../../../../extension/messaging/protocol.ts';

/** Messages the background sends and never answers: to a tab's frames, and broadcast to extension pages. */
const SENT_BY_THE_BACKGROUND: (keyof ProtocolMap)[] = ['verdictsChanged', 'batchProgress'];

/** fakeBrowser has no permissions events or scripting: minimal stand-ins. */
function fakeEvent() {
  return { addListener: () => undefined, removeListener: () => undefined };
}

describe('createBackground', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    Object.assign(fakeBrowser.permissions, { onAdded: fakeEvent(), onRemoved: fakeEvent(), contains: async () => false });
    Object.assign(fakeBrowser, { scripting: { registerContentScripts: async () => undefined, unregisterContentScripts: async () => undefined } });
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('registers exactly one handler for every message of the protocol the background answers', async () => {
    const registered: string[] = [];
    vi.spyOn(messenger, 'onMessage').mockImplementation(((type: string) => {
      registered.push(type);
      return () => undefined;
    }) as never);
    const { createBackground } = await import('../../../../extension/background/create-background.ts');
    await createBackground().ready;

    const answered = Object.keys(REQUEST_SCHEMAS).filter((type) => !SENT_BY_THE_BACKGROUND.includes(type as keyof ProtocolMap));
    const counts = Object.fromEntries([...Object.keys(REQUEST_SCHEMAS), ...registered].map((type) => [type, registered.filter((t) => t === type).length]));
    expect(counts).toEqual(Object.fromEntries(Object.keys(REQUEST_SCHEMAS).map((type) => [type, answered.includes(type) ? 1 : 0])));
  });

  it('adds one listener per browser event it follows (alarms, closed tabs)', async () => {
    vi.spyOn(messenger, 'onMessage').mockImplementation((() => () => undefined) as never);
    const onAlarm = vi.spyOn(fakeBrowser.alarms.onAlarm, 'addListener');
    const onRemoved = vi.spyOn(fakeBrowser.tabs.onRemoved, 'addListener');
    const { createBackground } = await import('../../../../extension/background/create-background.ts');
    await createBackground().ready;
    expect(onAlarm).toHaveBeenCalledTimes(1);
    expect(onRemoved).toHaveBeenCalledTimes(1);
    expect((await fakeBrowser.alarms.getAll()).map((a) => a.name).sort()).toEqual(['creditlens-changes', 'creditlens-feedback']);
  });
});
