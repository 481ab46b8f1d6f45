import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { registerSettingsHandlers } from '../../../../extension/settings/settings-handlers.ts';
import { fakeMessenger } from '../fake-messenger.ts';

const CONTENT_SCRIPT = { tab: { id: 7 }, frameId: 0, url: 'http://127.0.0.1/demo/approval.html' };
const OPTIONS_PAGE = { url: 'chrome-extension://x/options.html' };

describe('registerSettingsHandlers', () => {
  beforeEach(() => fakeBrowser.reset());

  it.each([
    ['getSettings', undefined],
    ['saveSettings', { freshnessMinutes: 3 }],
    ['testConnection', {}],
  ])('refuses %s from a content script', async (type, data) => {
    const m = fakeMessenger();
    registerSettingsHandlers(m);
    expect(await m.deliver(type, data, CONTENT_SCRIPT)).toMatchObject({ ok: false, error: { kind: 'permission' } });
  });

  it('answers getSettings to an extension page, without the token', async () => {
    await fakeBrowser.storage.local.set({ settings: { token: 'secret-token' } });
    const m = fakeMessenger();
    registerSettingsHandlers(m);
    const answer = await m.deliver('getSettings', undefined, OPTIONS_PAGE);
    expect(answer).toMatchObject({ ok: true, value: { hasToken: true } });
    expect(JSON.stringify(answer)).not.toContain('secret-token');
  });
});
