import { describe, expect, it } from 'vitest';
import { decodeUscc } from '../../../../core/uscc/decode-uscc.ts';
import { withUsccCheck } from './reference-uscc.ts';

// GB 11714 check computed by hand: weights 3,7,9,10,5,8,4,2; C9 = 11 - sum mod 11 (10 = X, 11 = 0).
// M000100Y: M=22,0,0,0,1,0,0,Y=34 -> 66+5+68 = 139; 139 mod 11 = 7; 11-7 = 4.
// 74830646: 21+28+72+30+0+48+16+12 = 227; 227 mod 11 = 7; 11-7 = 4 (so 748306462 fails).
// 40001000: 12+0+0+0+5+0+0+0 = 17; 17 mod 11 = 6; 11-6 = 5 (so 400010003 fails).
// 00000001: 2; 11-2 = 9 (so 000000019 holds).
describe('decodeUscc', () => {
  it.each([
    ['91350100M000100Y43', '9', '工商', '1', '企业', '350100', 'M000100Y4', true],
    ['914201007483064620', '9', '工商', '1', '企业', '420100', '748306462', false],
    ['12100000400010003X', '1', '机构编制', '2', '事业单位', '100000', '400010003', false],
    [withUsccCheck('A1110000MA0012123'), 'A', '中央军委改革和编制办公室', '1', '军队事业单位', '110000', 'MA0012123', false],
    [withUsccCheck('N3420105MA4K00123'), 'N', '农业', '3', '乡镇级集体经济组织', '420105', 'MA4K00123', false],
    [withUsccCheck('33420105000000019'), '3', '司法行政', '3', '基层法律服务所', '420105', '000000019', true],
  ])('returns the parts of %s', (code, authority, authorityZh, category, categoryZh, region, org, orgValid) => {
    const decoded = decodeUscc(code);
    expect(decoded.authority).toMatchObject({ code: authority, zh: authorityZh });
    expect(decoded.authority?.en).toMatch(/\w/);
    expect(decoded.category).toMatchObject({ code: category, zh: categoryZh });
    expect(decoded.regionCode).toBe(region);
    expect(decoded.orgCode).toEqual({ code: org, checkValid: orgValid });
  });

  it.each([
    ['an unknown authority', 'B1350100M000100Y43', null, null],
    ['an unknown category', '98350100M000100Y43', '9', null],
  ])('returns null names when given %s', (_, code, authority, category) => {
    const decoded = decodeUscc(code);
    expect(decoded.authority?.code ?? null).toBe(authority);
    expect(decoded.category).toBe(category);
  });

  it('returns category Other when authority Y has an unlisted category', () => {
    expect(decodeUscc('YK420105MA4K00123X').category).toEqual({ code: 'K', zh: '其他', en: 'Other' });
  });

  it('returns the same parts when given a full-width lowercase code', () => {
    expect(decodeUscc('９１３５０１００ｍ０００１００ｙ４３')).toEqual(decodeUscc('91350100M000100Y43'));
  });
});
