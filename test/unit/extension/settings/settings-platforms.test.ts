import { describe, expect, it } from 'vitest';
import { checkManagedPolicy } from '../../../../extension/settings/managed-policy.ts';
import { applySettingsPatch } from '../../../../extension/settings/save-settings.ts';
import { parseStoredSettings, toSettingsView } from '../../../../extension/settings/settings-schema.ts';

const platforms = [
  { id: 'district', url: 'http://127.0.0.1:9001', token: 'district-secret', regions: ['420105'], name: '区公共信用信息平台' },
  { id: 'province', url: 'http://127.0.0.1:9002', token: 'province-secret', regions: ['42'], name: '湖北省公共信用信息平台' },
];

describe('settings with several platforms (issue 17)', () => {
  it('keeps the list, and the single platform when there is none', () => {
    expect(parseStoredSettings({ platforms }).platforms).toEqual(platforms);
    expect(parseStoredSettings({}).platforms).toBeUndefined();
  });

  it('falls back to the defaults rather than storing a broken list', () => {
    expect(parseStoredSettings({ platforms: [{ ...platforms[0], regions: ['420'] }] }).platforms).toBeUndefined();
  });

  it('never lets a platform token out of the background', () => {
    const view = toSettingsView(parseStoredSettings({ platforms }));
    expect(JSON.stringify(view)).not.toContain('secret');
    expect(view.platforms?.map((p) => p.hasToken)).toEqual([true, true]);
  });

  it('goes back to the single platform on platforms: null', () => {
    expect(applySettingsPatch(parseStoredSettings({ platforms }), { platforms: null }).platforms).toBeUndefined();
  });

  it('accepts the list from enterprise policy and reports a broken one', () => {
    expect(checkManagedPolicy({ platforms }).policy.platforms).toEqual(platforms);
    expect(checkManagedPolicy({ platforms: [{ ...platforms[0], url: 'ftp://x' }] }).problems).toEqual([{ kind: 'format', path: 'platforms[0].url' }]);
  });
});
