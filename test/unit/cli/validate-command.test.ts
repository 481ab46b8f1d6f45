import { describe, expect, it } from 'vitest';
import { validateCommand } from '../../../cli/commands/validate-command.ts';
import { withUsccCheck, withWrongCheck } from '../core/uscc/reference-uscc.ts';

async function run(...args: string[]) {
  let out = '';
  let err = '';
  const code = await validateCommand.run(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const VALID = withUsccCheck('91420105MA4KMF039'); // ends in Y

describe('validateCommand', () => {
  it('returns exit 0 and JSON with decoded parts when every code is valid', async () => {
    const { code, out } = await run('--json', VALID, '（9135 0100 m000 100y 43）');
    expect(code).toBe(0);
    const results = JSON.parse(out);
    expect(results).toHaveLength(2);
    expect(results[0]).toMatchObject({
      input: VALID,
      code: VALID,
      valid: true,
      suspect: false,
      reasons: [],
      authority: { code: '9', zh: '工商' },
      category: { code: '1', zh: '企业' },
      region: { code: '420105', province: '湖北省', city: '武汉市', county: '汉阳区' },
      orgCode: { code: VALID.slice(8, 17) },
    });
    expect(results[1]).toMatchObject({ code: '91350100M000100Y43', valid: true });
  });

  it.each([
    ['a suspect code', withWrongCheck(VALID), { suspect: true, reasons: ['checksum'] }],
    ['an invalid code', '91350100MO00100Y43', { valid: false, suspect: false }],
    ['a short code', '9135', { valid: false, reasons: expect.arrayContaining(['length']) }],
  ])('returns exit 1 when given %s', async (_, input, expected) => {
    const { code, out } = await run('--json', VALID, input);
    expect(code).toBe(1);
    expect(JSON.parse(out)[1]).toMatchObject(expected);
  });

  it.each([[[]], [['--bogus', VALID]]])('returns exit 2 when the arguments are %j', async (args) => {
    const { code, err } = await run(...args);
    expect(code).toBe(2);
    expect(err).toMatch(/usage/);
  });

  it('returns a bilingual table when --json is not given', async () => {
    const { out } = await run(VALID);
    expect(out).toMatch(/有效 valid/);
    expect(out).toMatch(/湖北省 武汉市 汉阳区/);
  });
});
