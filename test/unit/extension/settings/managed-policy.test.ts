import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  checkManagedPolicy,
  lockedKeys,
  parseManagedPolicy,
  readManagedPolicy,
  readManagedPolicyReport,
} from '../../../../extension/settings/managed-policy.ts';

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

describe('checkManagedPolicy', () => {
  it.each([
    ['a number given as text', { freshnessMinutes: '10' }, [{ kind: 'type', path: 'freshnessMinutes' }]],
    ['a fractional code limit (an integer is wanted)', { maxCodesPerMinute: 12.5 }, [{ kind: 'type', path: 'maxCodesPerMinute' }]],
    ['freshness out of range', { freshnessMinutes: 100_000 }, [{ kind: 'range', path: 'freshnessMinutes' }]],
    ['a platform URL without a scheme', { platformUrl: 'credit.example.gov.cn' }, [{ kind: 'format', path: 'platformUrl' }]],
    ['sites that are not a list', { sites: 'https://oa.example.gov.cn/*' }, [{ kind: 'type', path: 'sites' }]],
    ['a site with a mistyped context', { sites: [{ pattern: 'https://x/*', context: 'approvals' }] }, [{ kind: 'format', path: 'sites[0].context' }]],
    ['a site that is no match pattern', { sites: [{ pattern: 'ftp://x/*', context: 'approval' }] }, [{ kind: 'format', path: 'sites[0].pattern' }]],
    ['a key that is no setting', { colour: 'red' }, [{ kind: 'unknown', path: 'colour' }]],
    ['a policy that is no object', ['x'], [{ kind: 'type', path: '(policy)' }]],
    ['a valid policy', { platformUrl: 'https://credit.example.gov.cn', freshnessMinutes: 10 }, []],
  ])('reports %s', (_, raw, problems) => {
    expect(checkManagedPolicy(raw).problems).toEqual(problems);
  });

  it('returns the good site rules and reports the broken one when one rule of several is broken', () => {
    const report = checkManagedPolicy({
      sites: [
        { pattern: 'https://oa.example.gov.cn/*', context: 'approval' },
        { pattern: 'https://b.example.gov.cn/*', context: 'party' },
        { pattern: 'c.example.gov.cn', context: 'licensing' },
      ],
    });
    expect(report.policy.sites).toEqual([
      { pattern: 'https://oa.example.gov.cn/*', context: 'approval' },
      { pattern: '*://c.example.gov.cn/*', context: 'licensing' },
    ]);
    expect(report.problems).toEqual([{ kind: 'format', path: 'sites[1].context' }]);
  });

  it('returns problems that never carry the value when the token is of the wrong type', () => {
    const report = checkManagedPolicy({ token: 12345678 });
    expect(report).toEqual({ policy: {}, problems: [{ kind: 'type', path: 'token' }] });
    expect(JSON.stringify(report)).not.toContain('12345678');
  });
});

describe('readManagedPolicyReport', () => {
  beforeEach(() => fakeBrowser.reset());

  it('returns the policy and its problems from storage.managed', async () => {
    await fakeBrowser.storage.managed.set({ platformUrl: 'https://credit.example.gov.cn', freshnessMinutes: 'ten' });
    expect(await readManagedPolicyReport()).toEqual({
      policy: { platformUrl: 'https://credit.example.gov.cn' },
      problems: [{ kind: 'type', path: 'freshnessMinutes' }],
    });
  });
});
