import { decodeUscc } from '../../core/uscc/decode-uscc.ts';
import { describeRegion } from '../../core/uscc/describe-region.ts';
import { parseUscc } from '../../core/uscc/parse-uscc.ts';
import { EXIT_USAGE, type CliCommand } from '../cli-command.ts';
import { formatTable } from '../format-table.ts';
import { parseOptions } from '../parse-options.ts';
import { REASON_LABELS, VALIDITY_LABELS } from '../validity-labels.ts';

/** One validated code as printed by `validate --json`. */
export interface ValidateResult {
  input: string;
  code: string;
  valid: boolean;
  suspect: boolean;
  validity: string;
  residentId: boolean;
  reasons: string[];
  authority: { code: string; zh: string; en: string } | null;
  category: { code: string; zh: string; en: string } | null;
  region: { code: string; province: string | null; city: string | null; county: string | null };
  orgCode: { code: string; checkValid: boolean };
}

/** Parses, decodes and names the region of one code, as `validate` reports it. */
export async function validateOne(input: string): Promise<ValidateResult> {
  const parsed = parseUscc(input);
  const decoded = decodeUscc(parsed.code);
  const names = await describeRegion(decoded.regionCode);
  return {
    input,
    code: parsed.code,
    valid: parsed.validity === 'valid',
    suspect: parsed.validity === 'suspect',
    validity: parsed.validity,
    residentId: parsed.residentId,
    reasons: parsed.reasons,
    authority: decoded.authority,
    category: decoded.category,
    region: { code: decoded.regionCode, ...names },
    orgCode: decoded.orgCode,
  };
}

function describe(result: ValidateResult): string {
  const region = [result.region.province, result.region.city, result.region.county].filter(Boolean).join(' ');
  const rows = [
    ['项目 Field', '值 Value'],
    ['输入 Input', result.input],
    ['代码 Code', result.code],
    ['结果 Result', VALIDITY_LABELS[result.validity as keyof typeof VALIDITY_LABELS] + (result.residentId ? '（居民身份证号 resident ID number）' : '')],
    ['原因 Reasons', result.reasons.map((r) => REASON_LABELS[r as keyof typeof REASON_LABELS]).join('，') || '—'],
    ['登记管理部门 Authority', result.authority ? `${result.authority.code} ${result.authority.zh} ${result.authority.en}` : '—'],
    ['机构类别 Category', result.category ? `${result.category.code} ${result.category.zh} ${result.category.en}` : '—'],
    ['行政区划 Region', `${result.region.code} ${region}`.trim()],
    ['组织机构代码 Org code', `${result.orgCode.code}${result.orgCode.code ? (result.orgCode.checkValid ? ' ✓' : ' ✗ (informational)') : ''}`],
  ];
  return formatTable(rows);
}

/** `validate [--json] <code…>`: exit 0 when every code is valid, 1 when any is suspect or invalid. */
export const validateCommand: CliCommand = {
  usage: 'validate [--json] <code…>',
  summary: '校验统一社会信用代码 Validate and decode unified social credit codes (exit 1 if any is not valid)',
  async run(args, io) {
    const parsed = parseOptions(args, { json: { type: 'boolean' } });
    if (!parsed.ok || parsed.positionals.length === 0) {
      io.err(!parsed.ok ? `${parsed.error}\n` : '缺少代码 missing code\n');
      io.err(`usage: ${this.usage}\n`);
      return EXIT_USAGE;
    }
    const results = await Promise.all(parsed.positionals.map(validateOne));
    io.out(parsed.values.json === true ? JSON.stringify(results, null, 2) + '\n' : results.map(describe).join('\n'));
    return results.every((r) => r.valid) ? 0 : 1;
  },
};
