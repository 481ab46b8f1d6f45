import { describe, expect, it } from 'vitest';
import { patchFromForm, type PlatformRow, type SettingsForm } from '../../../../extension/entrypoints/options/settings-form.ts';

const form: SettingsForm = {
  platformUrl: ' http://127.0.0.1:8787 ',
  token: '',
  clearToken: false,
  sites: [{ pattern: 'https://oa.example.gov.cn/*', context: 'approval' }],
  freshnessMinutes: '5',
};

describe('patchFromForm', () => {
  it('returns every unlocked key, keeping the token when the field is empty', () => {
    expect(patchFromForm(form, [])).toEqual({
      ok: true,
      patch: { platformUrl: 'http://127.0.0.1:8787', sites: form.sites, freshnessMinutes: 5 },
    });
  });

  it.each([
    ['a typed token replaces the saved one', { token: 'abc' }, { token: 'abc' }],
    ['"remove token" clears it', { clearToken: true }, { token: null }],
    ['the operator name is sent trimmed', { operator: ' 王立 ' }, { operator: '王立' }],
  ])('%s', (_, change, expected) => {
    const result = patchFromForm({ ...form, ...change }, []);
    expect(result.ok && result.patch).toMatchObject(expected);
  });

  it('leaves locked keys out of the patch', () => {
    const result = patchFromForm({ ...form, token: 'abc' }, ['platformUrl', 'token', 'sites']);
    expect(result).toEqual({ ok: true, patch: { freshnessMinutes: 5 } });
  });

  it.each([
    ['ftp://x.example', '5', 'platformUrl'],
    ['not a url', '5', 'platformUrl'],
    ['http://127.0.0.1:8787', '', 'freshnessMinutes'],
    ['http://127.0.0.1:8787', '0', 'freshnessMinutes'],
    ['http://127.0.0.1:8787', '99999', 'freshnessMinutes'],
  ])('refuses url %j with freshness %j as a %s problem', (platformUrl, freshnessMinutes, problem) => {
    expect(patchFromForm({ ...form, platformUrl, freshnessMinutes }, [])).toEqual({ ok: false, problem });
  });
});

describe('patchFromForm with the per-minute limit', () => {
  it.each([
    ['800', { ok: true, patch: { platformUrl: 'http://127.0.0.1:8787', sites: form.sites, freshnessMinutes: 5, maxCodesPerMinute: 800 } }],
    ['5', { ok: false, problem: 'maxCodesPerMinute' }],
    ['12.5', { ok: false, problem: 'maxCodesPerMinute' }],
    ['', { ok: false, problem: 'maxCodesPerMinute' }],
  ])('returns %j as %j', (maxCodesPerMinute, expected) => {
    expect(patchFromForm({ ...form, maxCodesPerMinute }, [])).toEqual(expected);
  });

  it('leaves a policy-set limit out of the patch', () => {
    const result = patchFromForm({ ...form, maxCodesPerMinute: '800' }, ['maxCodesPerMinute']);
    expect(result.ok && result.patch.maxCodesPerMinute).toBeUndefined();
  });
});

describe('patchFromForm, several platforms', () => {
  const row = (over: Partial<PlatformRow> = {}): PlatformRow => ({
    id: 'wuhan',
    name: ' 武汉市公共信用信息平台 ',
    url: ' http://127.0.0.1:9001 ',
    regions: '4201',
    token: '',
    hasToken: true,
    clearToken: false,
    ...over,
  });

  it('sends the list with regions split as typed, and no token for a row whose field is empty', () => {
    const result = patchFromForm(
      { ...form, platforms: [row(), row({ id: 'hubei', name: '省平台', url: 'http://127.0.0.1:9002', regions: '4202，4205、 4206', token: 't' })] },
      [],
    );
    expect(result.ok && result.patch.platforms).toEqual([
      { id: 'wuhan', name: '武汉市公共信用信息平台', url: 'http://127.0.0.1:9001', regions: ['4201'] },
      { id: 'hubei', name: '省平台', url: 'http://127.0.0.1:9002', regions: ['4202', '4205', '4206'], token: 't' },
    ]);
  });

  it('goes back to the one platform when the list is turned off, and clears a token when asked', () => {
    expect(patchFromForm({ ...form, platforms: null }, [])).toMatchObject({ ok: true, patch: { platforms: null } });
    const cleared = patchFromForm({ ...form, platforms: [row({ clearToken: true })] }, []);
    expect(cleared.ok && cleared.patch.platforms?.[0]?.token).toBe('');
  });

  it.each([
    ['a region that is not a division prefix', { regions: '湖北' }],
    ['no region', { regions: ' ' }],
    ['no name', { name: ' ' }],
    ['not a URL', { url: 'platform' }],
  ])('refuses %s', (_, over) => {
    expect(patchFromForm({ ...form, platforms: [row(over)] }, [])).toEqual({ ok: false, problem: 'platforms' });
  });

  it('refuses two platforms at one address, and leaves a policy’s list alone', () => {
    expect(patchFromForm({ ...form, platforms: [row(), row({ id: 'other' })] }, [])).toEqual({ ok: false, problem: 'platforms' });
    const locked = patchFromForm({ ...form, platforms: [row({ regions: 'x' })] }, ['platforms']);
    expect(locked.ok && 'platforms' in locked.patch).toBe(false);
  });
});
