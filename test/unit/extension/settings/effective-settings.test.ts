import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { readEffectiveSettings, readRememberedSettings, watchEffectiveSettings } from '../../../../extension/settings/effective-settings.ts';
import { DEFAULT_PLATFORM_URL } from '../../../../extension/settings/settings-schema.ts';

describe('readEffectiveSettings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('returns the defaults, unlocked, when nothing is stored', async () => {
    const { settings, locked } = await readEffectiveSettings();
    expect(settings.platformUrl).toBe(DEFAULT_PLATFORM_URL);
    expect(settings.sites).toEqual([]);
    expect(locked).toEqual([]);
  });

  it('returns the user settings when there is no policy', async () => {
    await fakeBrowser.storage.local.set({ settings: { platformUrl: 'http://localhost:9000', token: 'u', freshnessMinutes: 2 } });
    const { settings } = await readEffectiveSettings();
    expect(settings).toMatchObject({ platformUrl: 'http://localhost:9000', token: 'u', freshnessMinutes: 2 });
  });

  it('lets the managed policy override the user settings and locks those keys', async () => {
    await fakeBrowser.storage.local.set({ settings: { platformUrl: 'http://localhost:9000', token: 'user', freshnessMinutes: 2 } });
    await fakeBrowser.storage.managed.set({ platformUrl: 'https://credit.example.gov.cn', token: 'policy' });
    const { settings, locked } = await readEffectiveSettings();
    expect(settings).toMatchObject({ platformUrl: 'https://credit.example.gov.cn', token: 'policy', freshnessMinutes: 2 });
    expect(locked).toEqual(['platformUrl', 'token']);
  });

  it('falls back to defaults when the stored settings are broken', async () => {
    await fakeBrowser.storage.local.set({ settings: { platformUrl: 42 } });
    expect((await readEffectiveSettings()).settings.platformUrl).toBe(DEFAULT_PLATFORM_URL);
  });
});

describe('watchEffectiveSettings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reports a change of the policy and of the user settings, and stops when asked', async () => {
    const seen = vi.fn();
    const stop = watchEffectiveSettings(seen);
    await fakeBrowser.storage.managed.set({ freshnessMinutes: 30 });
    await vi.waitFor(() => expect(seen).toHaveBeenCalledTimes(1));
    expect(seen.mock.calls[0]![0]).toMatchObject({ settings: { freshnessMinutes: 30 }, locked: ['freshnessMinutes'] });
    await fakeBrowser.storage.local.set({ settings: { token: 'x' } });
    await vi.waitFor(() => expect(seen).toHaveBeenCalledTimes(2));
    await fakeBrowser.storage.local.set({ unrelated: 1 });
    stop();
    await fakeBrowser.storage.local.set({ settings: { token: 'y' } });
    await new Promise((r) => setTimeout(r, 10));
    expect(seen).toHaveBeenCalledTimes(2);
  });
});

describe('readRememberedSettings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('returns null until a policy was read once (nothing to start on)', async () => {
    await fakeBrowser.storage.local.set({ settings: { token: 'u' } });
    expect(await readRememberedSettings()).toBeNull();
  });

  it('returns the user settings with the policy last read, and follows a policy lifted later', async () => {
    await fakeBrowser.storage.local.set({ settings: { platformUrl: 'http://localhost:9000', token: 'user' } });
    await fakeBrowser.storage.managed.set({ platformUrl: 'https://credit.example.gov.cn' });
    await readEffectiveSettings();
    expect(await readRememberedSettings()).toMatchObject({
      settings: { platformUrl: 'https://credit.example.gov.cn', token: 'user' },
      locked: ['platformUrl'],
    });
    await fakeBrowser.storage.managed.clear();
    await readEffectiveSettings();
    expect(await readRememberedSettings()).toMatchObject({ settings: { platformUrl: 'http://localhost:9000' }, locked: [] });
  });

  it('drops what the stored policy holds that no policy may set (storage is writable by hand)', async () => {
    await fakeBrowser.storage.local.set({ lastPolicy: { token: 'policy', platformUrl: 42, unknownKey: true } });
    const remembered = await readRememberedSettings();
    expect(remembered?.locked).toEqual(['token']);
    expect(remembered?.settings.token).toBe('policy');
  });
});
