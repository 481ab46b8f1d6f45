import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { lockedKeys, parseManagedPolicy, readManagedPolicy } from '../../../../extension/settings/managed-policy.ts';

describe('parseManagedPolicy', () => {
  it.each([
    ['nothing', undefined, {}],
    ['a non-object', 'https://x', {}],
    ['a valid URL', { platformUrl: 'https://credit.example.gov.cn' }, { platformUrl: 'https://credit.example.gov.cn' }],
    ['a URL with a bad scheme', { platformUrl: 'ftp://credit.example.gov.cn' }, {}],
    ['a token', { token: 'abc' }, { token: 'abc' }],
    ['a null token', { token: null }, {}],
    [
      'sites with contexts',
      { sites: [{ pattern: 'https://oa.example.gov.cn/*', context: 'approval' }] },
      { sites: [{ pattern: 'https://oa.example.gov.cn/*', context: 'approval' }] },
    ],
    ['sites with an unknown context', { sites: [{ pattern: 'https://x/*', context: 'party' }] }, {}],
    ['freshness out of range', { freshnessMinutes: 100_000 }, {}],
    ['one bad key among good ones', { freshnessMinutes: 'soon', token: 't' }, { token: 't' }],
    ['unknown keys', { colour: 'red' }, {}],
  ])('keeps only valid keys for %s', (_, raw, expected) => {
    expect(parseManagedPolicy(raw)).toEqual(expected);
  });
});

describe('lockedKeys', () => {
  it('returns the keys the policy sets, in settings order', () => {
    expect(lockedKeys({ freshnessMinutes: 3, platformUrl: 'https://a.example' })).toEqual(['platformUrl', 'freshnessMinutes']);
  });
});

describe('readManagedPolicy', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads the policy from storage.managed', async () => {
    await fakeBrowser.storage.managed.set({ platformUrl: 'https://credit.example.gov.cn', freshnessMinutes: 10 });
    expect(await readManagedPolicy()).toEqual({ platformUrl: 'https://credit.example.gov.cn', freshnessMinutes: 10 });
  });

  it('returns no policy when managed storage rejects, as Firefox does without a policy', async () => {
    const original = fakeBrowser.storage.managed.get;
    fakeBrowser.storage.managed.get = () => Promise.reject(new Error('Managed storage manifest not found'));
    try {
      expect(await readManagedPolicy()).toEqual({});
    } finally {
      fakeBrowser.storage.managed.get = original;
    }
  });
});
