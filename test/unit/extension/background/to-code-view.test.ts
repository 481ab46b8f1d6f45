import { describe, expect, it } from 'vitest';
import { CreditError } from '../../../../core/api/credit-error.ts';
import type { StatusResult } from '../../../../core/api/status-schema.ts';
import { computeVerdict } from '../../../../core/verdict/compute-verdict.ts';
import { toCodeView } from '../../../../extension/background/to-code-view.ts';
import { makeEntry } from '../../core/fixtures/make-entry.ts';
import { withUsccCheck, withWrongCheck } from '../../core/uscc/reference-uscc.ts';

const A = withUsccCheck('91420105MA4KMF000');
const SUSPECT = withWrongCheck(A);

const answer = (code: string, found: boolean, entries: StatusResult['entries'] = []) => {
  const result: StatusResult = { code, found, invalid: false, subject: null, entries, asOf: new Date().toISOString(), dataVersion: 1 };
  return { ...computeVerdict({ result, now: new Date() }), result };
};

describe('toCodeView', () => {
  it.each([
    ['a valid code not found', A, answer(A, false), 'valid', 'clear', 'not-found'],
    ['a suspect code not found (never clear)', SUSPECT, answer(SUSPECT, false), 'suspect', 'invalid', 'suspect-not-found'],
    ['a suspect code found with nothing active', SUSPECT, answer(SUSPECT, true), 'suspect', 'clear', 'suspect-code'],
    ['a suspect code on the black list', SUSPECT, answer(SUSPECT, true, [makeEntry()]), 'suspect', 'black', 'black-active'],
    ['a suspect code never asked', SUSPECT, null, 'suspect', 'pending', 'checking'],
  ])('returns the verdict for %s', (_, code, verdict, validity, kind, reason) => {
    const view = toCodeView(code, verdict, 'general', null, null);
    expect([view.validity, view.verdict.kind, view.verdict.reason.code]).toEqual([validity, kind, reason]);
  });
});

describe('toCodeView after a failed refresh', () => {
  it('returns invalid, not clear, as the last answer of a suspect code the platform does not know', () => {
    const result: StatusResult = { code: SUSPECT, found: false, invalid: false, subject: null, entries: [], asOf: new Date().toISOString(), dataVersion: 1 };
    const failed = { ...computeVerdict({ result, now: new Date(), error: new CreditError('offline', 'down') }), result };
    expect(failed.lastKnown).toBe('clear');
    const view = toCodeView(SUSPECT, failed, 'general', null, null);
    expect([view.verdict.kind, view.verdict.lastKnown]).toEqual(['unknown', 'invalid']);
  });
});

describe('toCodeView of platform text', () => {
  it('returns names and entries without bidi overrides and zero-width characters', () => {
    const result: StatusResult = {
      code: A,
      found: true,
      invalid: false,
      subject: { code: A, name: '甲\u202e公司', regionCode: null, legalRepresentative: null },
      entries: [makeEntry({ facts: '拒不\u200b履行' })],
      asOf: new Date().toISOString(),
      dataVersion: 1,
    };
    const view = toCodeView(A, { ...computeVerdict({ result, now: new Date() }), result }, 'general', null, null);
    expect(view.result?.subject?.name).toBe('甲公司');
    expect(view.verdict.activeEntries[0]!.facts).toBe('拒不履行');
  });
});
