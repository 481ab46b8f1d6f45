import { describe, expect, it } from 'vitest';
import { matchCodes } from '../../../../core/scan/match-codes.ts';
import { referenceUsccCheck, withResidentIdCheck, withUsccCheck, withWrongCheck } from '../uscc/reference-uscc.ts';

const A = '91350100M000100Y43'; // real, valid
const B = '91420105MA4KMF0000'; // check character 0 (remainder 0)
const M = withUsccCheck('A1110000MA0012123');
const SUSPECT = withWrongCheck(A);

/** Expected [start, end) of `raw` inside `text`, found without the matcher. */
const at = (text: string, raw: string) => [text.indexOf(raw), text.indexOf(raw) + raw.length];

describe('matchCodes', () => {
  it('uses codes that the reference implementation confirms', () => {
    for (const code of [A, B, M]) expect(referenceUsccCheck(code.slice(0, 17))).toBe(code[17]);
  });

  it.each([
    ['after a Chinese label and colon', `统一社会信用代码：${A}，法定代表人：张三`, A],
    ['glued to Chinese text', `代码${A}公司`, A],
    ['in Chinese brackets', `（${A}）`, A],
    ['in lenticular brackets', `【${B}】`, B],
    ['in quotes before a full stop', `“${M}”。`, M],
    ['full-width', `代码：９１３５０１００Ｍ０００１００Ｙ４３。`, '９１３５０１００Ｍ０００１００Ｙ４３'],
    ['lowercase', `code: ${A.toLowerCase()}.`, A.toLowerCase()],
    ['with one hyphen', `注册号 91350100-M000100Y43 已核验`, '91350100-M000100Y43'],
    ['in groups of four', `代码 9135 0100 M000 100Y 43 。`, '9135 0100 M000 100Y 43'],
    ['with NBSP groups', `代码\u00a09135\u00a00100\u00a0M000\u00a0100Y\u00a043\u00a0`, '9135\u00a00100\u00a0M000\u00a0100Y\u00a043'],
    ['after a number group', `2024 9135 0100 M000 100Y 43`, '9135 0100 M000 100Y 43'],
    ['at the very start and end', A, A],
  ])('returns the code with raw offsets when it is %s', (_, text, raw) => {
    const matches = matchCodes(text);
    expect(matches).toHaveLength(1);
    const [start, end] = at(text, raw);
    expect(matches[0]).toMatchObject({ start, end, raw, validity: 'valid', reasons: [] });
    expect(text.slice(matches[0]!.start, matches[0]!.end)).toBe(raw);
    expect(matches[0]!.code).toMatch(/^[0-9A-HJ-NPQRTUWXY]{18}$/);
  });

  it('returns both codes in order when a string holds two', () => {
    const text = `甲公司（${A}）与乙公司（${B.toLowerCase()}）签订合同`;
    expect(matchCodes(text).map((m) => [m.code, m.start, m.end])).toEqual([
      [A, ...at(text, A)],
      [B, ...at(text, B.toLowerCase())],
    ]);
  });

  it('returns two codes when they are separated by one space', () => {
    expect(matchCodes(`${A} ${B}`).map((m) => m.code)).toEqual([A, B]);
  });

  it.each([
    ['a 19-character run (extra letter before)', `X${A}`],
    ['a 19-character run (extra digit after)', `${A}7`],
    ['a long alphanumeric token', `token=ab${A}cd`],
    ['two separators in a row', '91350100  M000100Y43'],
    ['a line break inside', '91350100\nM000100Y43'],
    ['a slash inside', '91350100/M000100Y43'],
    ['a code that is too short', `代码${A.slice(0, 17)}。`],
    ['empty text', ''],
    ['Chinese text only', '守信联合激励和失信联合惩戒'.repeat(20)],
  ])('returns nothing when the code is inside %s', (_, text) => {
    expect(matchCodes(text)).toEqual([]);
  });

  it('returns a suspect code with checksum when only the check character is wrong', () => {
    expect(matchCodes(`代码：${SUSPECT}。`)).toMatchObject([{ code: SUSPECT, validity: 'suspect', reasons: ['checksum'] }]);
  });

  it.each([
    ['letter O for zero', '91350100MO00100Y43', ['charset']],
    ['letter I and a bad check', '913501001000100I43', ['charset']],
    ['a bad region but right check', withUsccCheck('91990100M000100Y4'), ['region']],
  ])('returns an invalid code when it has %s', (_, code, reasons) => {
    const matches = matchCodes(`统一社会信用代码：${code}`);
    expect(matches).toHaveLength(1);
    expect(matches[0]!.validity).toBe('invalid');
    expect([...matches[0]!.reasons].sort()).toEqual([...reasons].sort());
  });

  it.each([
    ['an unknown authority', withUsccCheck('B1350100M000100Y4')],
    ['an unknown category', withUsccCheck('95350100M000100Y4')],
    ['a bad region and a bad check', withWrongCheck(withUsccCheck('91990100M000100Y4'))],
    ['an order number', '202405170012345678'],
    ['a bank card number (region 17 unknown, check wrong)', '621700123456789012'],
  ])('returns nothing when the candidate has %s', (_, code) => {
    expect(matchCodes(`编号：${code}。`)).toEqual([]);
  });

  it('returns an all-digit number as suspect when its authority, category and region read right', () => {
    // By definition such a number is one check character away from a code; the UI asks to verify it.
    const digits = withWrongCheck(withUsccCheck('91420100748306462'));
    expect(matchCodes(`编号${digits}`)).toMatchObject([{ validity: 'suspect', reasons: ['checksum'] }]);
  });

  it.each([
    ['a valid resident ID', withResidentIdCheck('42010519900101123')],
    ['a resident ID ending in X', withResidentIdCheck('11010119491001004')],
    ['a resident ID with a typo in its check digit', withWrongCheck(withResidentIdCheck('51322119850612001'))],
  ])('returns nothing when the text holds %s', (_, id) => {
    expect(matchCodes(`身份证号：${id}，`)).toEqual([]);
  });

  it('returns nothing for a resident ID that also passes every USCC check', () => {
    let both: string | undefined;
    for (let seq = 0; seq < 1000 && !both; seq++) {
      const id = withResidentIdCheck(`51322119900101${String(seq).padStart(3, '0')}`);
      if (referenceUsccCheck(id.slice(0, 17)) === id[17]) both = id;
    }
    expect(matchCodes(`身份证 ${both}`)).toEqual([]);
  });

  it('returns the valid grouping when separated words could form two candidates', () => {
    // "1 9135 0100 M000 100Y 43": both "19135…Y4" (wrong) and "9135…43" are 18 characters.
    const text = '1 9135 0100 M000 100Y 43';
    expect(matchCodes(text)).toMatchObject([{ code: A, raw: '9135 0100 M000 100Y 43' }]);
  });

  it('returns every code when a large text holds many', () => {
    const text = Array.from({ length: 500 }, (_, i) => `第${i}条：企业（${i % 2 ? A : B}）信用良好。`).join('\n');
    expect(matchCodes(text)).toHaveLength(500);
  });
});
