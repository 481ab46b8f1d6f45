/** A check record never signs clear for a code whose check character is wrong (found in review, issue 17). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedCheckRecord } from '../../../../core/api/check-record-schema.ts';
import { parseUscc } from '../../../../core/uscc/parse-uscc.ts';
import type { RunningPlatform } from '../../../../platform/start-platform.ts';
import { withUsccCheck } from '../../core/uscc/reference-uscc.ts';
import { call, fixtureCode, startTestPlatform } from '../platform-harness.ts';

let platform: RunningPlatform;
beforeAll(async () => {
  platform = await startTestPlatform({ seed: { subjects: 30 } });
});
afterAll(() => platform.close());

/** The same code with another check character, which makes it suspect. */
const mistyped = (code: string) => {
  for (const c of '0123456789ABCDEFGHJKLMNPQRTUWXY') {
    const candidate = code.slice(0, 17) + c;
    if (candidate !== code && parseUscc(candidate).validity === 'suspect') return candidate;
  }
  throw new Error('no suspect variant');
};
const record = async (codes: string[]): Promise<SignedCheckRecord> =>
  (await call(platform, 'POST', '/api/v1/records', { token: platform.tokens.department, body: { codes, context: 'procurement' } })).json;

describe('a check record of a mistyped code', () => {
  it('signs a mistyped code the platform does not know as invalid, never clear', async () => {
    const unknown = mistyped(withUsccCheck('91110105MA4K00003'));
    const [item] = (await record([unknown])).record.items;
    expect(item).toMatchObject({ found: false, verdict: 'invalid' });
  });

  it('signs a mistyped code of a known subject with its verdict', async () => {
    const [item] = (await record([mistyped(fixtureCode('black'))])).record.items;
    expect(item?.verdict).not.toBe('clear');
  });
});
