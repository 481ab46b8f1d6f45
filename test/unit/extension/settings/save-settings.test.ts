import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { readEffectiveSettings } from '../../../../extension/settings/effective-settings.ts';
import { applySettingsPatch, getSettingsView, saveSettings } from '../../../../extension/settings/save-settings.ts';
import { parseStoredSettings } from '../../../../extension/settings/settings-schema.ts';

const base = parseStoredSettings({ token: 'old' });

describe('applySettingsPatch', () => {
  it.each([
    ['keeps the token when it is undefined', {}, 'old'],
    ['replaces the token', { token: 'new' }, 'new'],
    ['clears the token on null', { token: null }, ''],
    ['clears the token on an empty string', { token: '' }, ''],
  ])('%s', (_, patch, token) => {
    expect(applySettingsPatch(base, patch).token).toBe(token);
  });

  it('keeps a platform’s saved token when saved without one, only for the same id and URL', () => {
    const city = { id: 'wuhan', name: '武汉市平台', url: 'http://127.0.0.1:9001', regions: ['4201'] };
    const saved = applySettingsPatch(base, { platforms: [{ ...city, token: 'city-token' }] });
    expect(applySettingsPatch(saved, { platforms: [city] }).platforms?.[0]?.token).toBe('city-token');
    // The address changed: the token does not go to the new one.
    expect(applySettingsPatch(saved, { platforms: [{ ...city, url: 'http://127.0.0.1:9009' }] }).platforms?.[0]?.token).toBeUndefined();
    expect(applySettingsPatch(saved, { platforms: [{ ...city, token: '' }] }).platforms?.[0]?.token).toBe('');
    expect(applySettingsPatch(saved, { platforms: null }).platforms).toBeUndefined();
  });

  it('gives the first platform the one platform’s token when the list is turned on at that address', () => {
    const single = parseStoredSettings({ platformUrl: 'http://127.0.0.1:9001', token: 'single-token' });
    const row = { id: 'p-1', name: '市平台', url: 'http://127.0.0.1:9001', regions: ['4201'] };
    const other = { id: 'p-2', name: '省平台', url: 'http://127.0.0.1:9002', regions: ['42'] };
    expect(applySettingsPatch(single, { platforms: [row, other] }).platforms?.map((p) => p.token)).toEqual(['single-token', undefined]);
  });

  it('changes only the keys given', () => {
    const next = applySettingsPatch(base, { freshnessMinutes: 9 });
    expect(next).toEqual({ ...base, freshnessMinutes: 9 });
  });
});

describe('saveSettings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('stores the patch and answers a view without the token', async () => {
    const result = await saveSettings({
      platformUrl: 'http://localhost:9000',
      token: 'secret',
      sites: [{ pattern: 'https://oa.example.gov.cn/*', context: 'approval' }],
    });
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({
        platformUrl: 'http://localhost:9000',
        hasToken: true,
        sites: [{ pattern: 'https://oa.example.gov.cn/*', context: 'approval' }],
      }),
    });
    expect(JSON.stringify(result)).not.toContain('secret');
    const { settings } = await fakeBrowser.storage.local.get('settings');
    expect(settings).toMatchObject({ platformUrl: 'http://localhost:9000', token: 'secret' });
  });

  it('refuses to change a key locked by policy and stores nothing', async () => {
    await fakeBrowser.storage.managed.set({ platformUrl: 'https://credit.example.gov.cn' });
    const result = await saveSettings({ platformUrl: 'http://evil.example', freshnessMinutes: 3 });
    expect(result).toMatchObject({ ok: false, error: { kind: 'permission' } });
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({});
  });

  it('turns the list on under a policy-managed platform without copying the person’s stale token', async () => {
    // The person once saved a token for the address the policy now sets; the policy has its own.
    await fakeBrowser.storage.local.set({ settings: { platformUrl: 'https://credit.example.gov.cn', token: 'stale-user-token' } });
    await fakeBrowser.storage.managed.set({ platformUrl: 'https://credit.example.gov.cn', token: 'policy-token' });
    const row = { id: 'city', name: '市平台', url: 'https://credit.example.gov.cn', regions: ['4201'] };
    expect(await saveSettings({ platforms: [row] })).toMatchObject({ ok: true });
    const { settings: stored } = await fakeBrowser.storage.local.get('settings');
    expect(JSON.stringify(stored)).toContain('"id":"city"');
    expect(JSON.stringify((stored as { platforms: unknown }).platforms)).not.toContain('stale-user-token');
    // In force: the policy's token, as the policy sets it now (a rotated one follows).
    expect((await readEffectiveSettings()).settings.platforms?.[0]?.token).toBe('policy-token');
    await fakeBrowser.storage.managed.set({ token: 'rotated-token' });
    expect((await readEffectiveSettings()).settings.platforms?.[0]?.token).toBe('rotated-token');
  });

  it('saves unlocked keys while a policy is in force, and answers the policy value', async () => {
    await fakeBrowser.storage.managed.set({ platformUrl: 'https://credit.example.gov.cn' });
    const result = await saveSettings({ freshnessMinutes: 3 });
    expect(result).toMatchObject({ ok: true, value: { platformUrl: 'https://credit.example.gov.cn', freshnessMinutes: 3 } });
  });
});

describe('getSettingsView', () => {
  beforeEach(() => fakeBrowser.reset());

  it('says whether a token is set without revealing it', async () => {
    await fakeBrowser.storage.managed.set({ token: 'policy-token' });
    const result = await getSettingsView();
    expect(result).toMatchObject({ ok: true, value: { hasToken: true } });
    expect(JSON.stringify(result)).not.toContain('policy-token');
  });
});
