import { describe, expect, it } from 'vitest';
import { parseStoredSettings } from '../../../../extension/settings/settings-schema.ts';
import { withSinglePlatformToken } from '../../../../extension/settings/single-platform-token.ts';

const city = { id: 'city', name: '武汉市公共信用信息平台', url: 'https://credit.wuhan.gov.cn', regions: ['4201'] };
const province = { id: 'province', name: '湖北省公共信用信息平台', url: 'https://credit.hubei.gov.cn', regions: ['42'] };

describe('a platform row without a token of its own', () => {
  it('uses the single platform’s token at the same address, and only there', () => {
    const settings = parseStoredSettings({ platformUrl: 'https://credit.wuhan.gov.cn/', token: 'single', platforms: [city, province] });
    expect(withSinglePlatformToken(settings).platforms?.map((p) => p.token)).toEqual(['single', undefined]);
  });

  it('never follows another address: another scheme, port or path', () => {
    for (const url of ['http://credit.wuhan.gov.cn', 'https://credit.wuhan.gov.cn:8443', 'https://credit.wuhan.gov.cn/other']) {
      const settings = parseStoredSettings({ platformUrl: 'https://credit.wuhan.gov.cn', token: 'single', platforms: [{ ...city, url }] });
      expect(withSinglePlatformToken(settings).platforms?.[0]?.token, url).toBeUndefined();
    }
  });

  it('keeps its own token, and stays without one when it was cleared', () => {
    const own = parseStoredSettings({
      platformUrl: city.url,
      token: 'single',
      platforms: [
        { ...city, token: 'own' },
        { ...province, token: '' },
      ],
    });
    expect(withSinglePlatformToken(own).platforms?.map((p) => p.token)).toEqual(['own', '']);
    const cleared = parseStoredSettings({ platformUrl: city.url, token: 'single', platforms: [{ ...city, token: '' }] });
    expect(withSinglePlatformToken(cleared).platforms?.[0]?.token).toBe('');
  });

  it('changes nothing without a single token or without a list', () => {
    const noToken = parseStoredSettings({ platformUrl: city.url, platforms: [city] });
    expect(withSinglePlatformToken(noToken)).toBe(noToken);
    const noList = parseStoredSettings({ platformUrl: city.url, token: 'single' });
    expect(withSinglePlatformToken(noList)).toBe(noList);
  });
});
