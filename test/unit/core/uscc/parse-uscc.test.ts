import { describe, expect, it } from 'vitest';
import { parseUscc } from '../../../../core/uscc/parse-uscc.ts';
import { referenceUsccCheck, withResidentIdCheck, withUsccCheck, withWrongCheck } from './reference-uscc.ts';

describe('parseUscc', () => {
  it.each([
    ['a real enterprise code', '91350100M000100Y43'],
    ['a code whose check is 0 (remainder 0)', '91420105MA4KMF0000'],
    ['a code ending in Y', '91420105MA4KMF039Y'],
    ['a public institution code with national region', '12100000400010003X'],
    ['authority A (military)', withUsccCheck('A1110000MA0012123')],
    ['authority N (agriculture)', withUsccCheck('N2420105MA4K00123')],
    ['authority Y with category 1', withUsccCheck('Y1420105MA4K00123')],
    ['authority Y with any category', withUsccCheck('YK420105MA4K00123')],
    ['a civil affairs foundation', withUsccCheck('53420105MJ0000123')],
    ['a notary office', withUsccCheck('32420000MD0000123')],
    ['a Hong Kong region', withUsccCheck('91810000MA0000123')],
  ])('returns valid when given %s', (_, code) => {
    expect(referenceUsccCheck(code.slice(0, 17))).toBe(code[17]);
    expect(parseUscc(code)).toEqual({ input: code, code, validity: 'valid', reasons: [], residentId: false });
  });

  it.each([
    ['full-width', '９１３５０１００Ｍ０００１００Ｙ４３'],
    ['lowercase with hyphen', '91350100-m000100y43'],
    ['grouped with NBSP', '9135\u00a00100\u00a0M000\u00a0100Y\u00a043'],
    ['in brackets', '【91350100M000100Y43】'],
  ])('returns valid with the normalized code when given a %s code', (_, input) => {
    const parsed = parseUscc(input);
    expect(parsed).toMatchObject({ input, code: '91350100M000100Y43', validity: 'valid', reasons: [] });
  });

  it.each([
    ['91350100M000100Y43'],
    ['91420105MA4KMF0000'],
    ['914201007483064620'], // circulated as an example; its mod-31 check character is B, not 0
  ])('returns suspect with only checksum when the check character of %s is wrong', (code) => {
    const wrong = referenceUsccCheck(code.slice(0, 17)) === code[17] ? withWrongCheck(code) : code;
    expect(parseUscc(wrong)).toMatchObject({ validity: 'suspect', reasons: ['checksum'] });
  });

  it.each([
    ['too short', '91350100M000100Y4', ['length']],
    ['too long', '91350100M000100Y433', ['length']],
    ['letter O', withUsccCheck('91350100M000100Y4').slice(0, 9) + 'O' + '00100Y43', ['charset']],
    ['letter I', '91350100MI00100Y43', ['charset']],
    ['Chinese character inside', '91350100M000100Y4三', ['charset']],
    ['unknown authority', withUsccCheck('B1350100M000100Y4'), ['authority']],
    ['authority 0', withUsccCheck('01350100M000100Y4'), ['authority']],
    ['category 4 under commerce', withUsccCheck('94350100M000100Y4'), ['category']],
    ['category 2 under culture', withUsccCheck('42350100M000100Y4'), ['category']],
    ['category 4 under military', withUsccCheck('A4350100M000100Y4'), ['category']],
    ['unknown province 99', withUsccCheck('91990100M000100Y4'), ['region']],
    ['letters in the region', withUsccCheck('9135A100M000100Y4'), ['region']],
    ['bad region and check', withWrongCheck(withUsccCheck('91990100M000100Y4')), ['region', 'checksum']],
  ])('returns invalid with the failed checks when the code is %s', (_, code, reasons) => {
    const parsed = parseUscc(code);
    expect(parsed.validity).toBe('invalid');
    expect([...parsed.reasons].sort()).toEqual([...reasons].sort());
  });

  it('returns invalid with residentId when given a resident ID that also passes every USCC check', () => {
    // Search with the reference implementations for an ID (region 513221, authority 5/category 1
    // when read as a USCC) whose two check characters coincide.
    let both: string | undefined;
    for (let seq = 0; seq < 1000 && !both; seq++) {
      const id = withResidentIdCheck(`51322119900101${String(seq).padStart(3, '0')}`);
      if (referenceUsccCheck(id.slice(0, 17)) === id[17]) both = id;
    }
    expect(both).toBeDefined();
    expect(parseUscc(both!)).toMatchObject({ validity: 'invalid', residentId: true, reasons: [] });
  });

  it.each([[withResidentIdCheck('42010519900101123')], [withResidentIdCheck('41010520000229002')], [withResidentIdCheck('11010119491001001')]])(
    'returns invalid with residentId when given the resident ID %s',
    (id) => {
      expect(parseUscc(id)).toMatchObject({ validity: 'invalid', residentId: true });
    },
  );

  it.each([
    ['a wrong ID check digit', withWrongCheck(withResidentIdCheck('42010519900101123'))],
    ['an impossible date', withResidentIdCheck('41010519990229002')],
    ['a birth year before 1900', withResidentIdCheck('41010518991231002')],
  ])('returns residentId false when the number has %s', (_, id) => {
    expect(parseUscc(id).residentId).toBe(false);
  });
});
