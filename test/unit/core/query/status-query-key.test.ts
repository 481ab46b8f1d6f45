import { describe, expect, it } from 'vitest';
import { statusQueryKey, statusQueryPrefix } from '../../../../core/query/status-query-key.ts';

describe('statusQueryKey', () => {
  const source = { platform: 'https://credit.example.gov.cn', tokenFingerprint: 'token:1a2b' };

  it('returns status, platform, token fingerprint, code and context in that order', () => {
    expect(statusQueryKey(source, '91350100M000100Y43', 'procurement')).toEqual([
      'status',
      'https://credit.example.gov.cn',
      'token:1a2b',
      '91350100M000100Y43',
      'procurement',
    ]);
  });

  it('returns keys whose first four parts are the same for every context of a code', () => {
    const general = statusQueryKey(source, '91350100M000100Y43', 'general');
    const procurement = statusQueryKey(source, '91350100M000100Y43', 'procurement');
    expect(general.slice(0, 4)).toEqual(procurement.slice(0, 4));
    expect(general.slice(0, 3)).toEqual(statusQueryPrefix(source));
  });
});
