import { describe, expect, it } from 'vitest';
import { patchFromForm, type SettingsForm } from '../../../../extension/entrypoints/options/settings-form.ts';

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
