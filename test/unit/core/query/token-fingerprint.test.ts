import { describe, expect, it } from 'vitest';
import { tokenFingerprint } from '../../../../core/query/token-fingerprint.ts';

describe('tokenFingerprint', () => {
  it.each([null, undefined, ''])('returns anonymous for %j', (token) => {
    expect(tokenFingerprint(token)).toBe('anonymous');
  });

  it('returns the same fingerprint for the same token, another for another, and never the token', () => {
    const a = tokenFingerprint('cl_viewer_secret');
    expect(a).toMatch(/^token:[0-9a-f]{1,8}$/);
    expect(tokenFingerprint('cl_viewer_secret')).toBe(a);
    expect(tokenFingerprint('cl_viewer_secreu')).not.toBe(a);
    expect(a).not.toContain('secret');
  });
});
