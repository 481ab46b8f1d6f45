import { describe, expect, it } from 'vitest';
import { describeRegion } from '../../../../core/uscc/describe-region.ts';

describe('describeRegion', () => {
  it.each([
    ['420105', { province: '湖北省', city: '武汉市', county: '汉阳区' }],
    ['420100', { province: '湖北省', city: '武汉市', county: null }],
    ['420000', { province: '湖北省', city: null, county: null }],
    ['350100', { province: '福建省', city: '福州市', county: null }],
    ['110105', { province: '北京市', city: '市辖区', county: '朝阳区' }],
    ['100000', { province: '国家', city: null, county: null }],
    ['810000', { province: '香港特别行政区', city: null, county: null }],
    ['990000', { province: null, city: null, county: null }],
    ['42A105', { province: null, city: null, county: null }],
  ])('returns the names when given %s', async (code, names) => {
    expect(await describeRegion(code)).toEqual(names);
  });
});
