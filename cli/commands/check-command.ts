import { CHECK_CONTEXTS, CheckContextSchema, type CheckContext } from '../../core/api/check-context-schema.ts';
import type { ListEntry } from '../../core/api/list-entry-schema.ts';
import { describeReason, formatAge, verdictLabel } from '../../core/verdict/verdict-labels.ts';
import { checkCodes, type CodeCheck } from '../check/check-codes.ts';
import { readCheckCodes } from '../check/read-check-codes.ts';
import { EXIT_USAGE, type CliCommand, type CliIo } from '../cli-command.ts';
import { parseOptions } from '../parse-options.ts';
import { DEFAULT_PLATFORM_URL } from './verify-command.ts';

interface CheckArgs {
  inputs: string[];
  files: string[];
  platform: string;
  token: string | null;
  context: CheckContext;
  column: string | undefined;
  json: boolean;
}

const OPTIONS = {
  platform: { type: 'string' },
  token: { type: 'string' },
  context: { type: 'string' },
  column: { type: 'string' },
  json: { type: 'boolean' },
} as const;
const FILE = /\.(csv|xlsx|txt)$/i;

function parseArgs(args: string[], env: Record<string, string | undefined>): CheckArgs | string {
  // Many codes and files as positionals; a repeated option keeps its last value.
  const parsed = parseOptions(args, OPTIONS);
  if (!parsed.ok) return parsed.error;
  const { values, positionals: positional } = parsed;
  for (const name of ['platform', 'token', 'context', 'column'] as const) if (values[name] === '') return `--${name} 需要一个值 needs a value`;
  const json = values.json === true;
  if (positional.length === 0) return '需要代码或 .csv/.xlsx 文件 expected codes or a .csv/.xlsx file';
  const context = values.context ?? 'general';
  if (!CheckContextSchema.safeParse(context).success) return `--context 应为 must be one of ${CHECK_CONTEXTS.join(', ')}`;
  const platform = values.platform ?? DEFAULT_PLATFORM_URL;
  try {
    new URL(platform);
  } catch {
    return `平台地址无效 not a URL: ${platform}`;
  }
  return {
    inputs: positional.filter((p) => !FILE.test(p)),
    files: positional.filter((p) => FILE.test(p)),
    platform,
    token: values.token ?? env.CREDITLENS_TOKEN ?? null,
    context: context as CheckContext,
    column: values.column,
    json,
  };
}

/** Black or unknown: a code nobody may treat as checked and clean. */
/** Black, unknown (not checked) and invalid (a mistyped code was never checked) all fail a spreadsheet's check. */
const failing = (c: CodeCheck) => c.verdict.kind === 'black' || c.verdict.kind === 'unknown' || c.verdict.kind === 'invalid';

const entryLine = (e: ListEntry) =>
  `${e.list === 'black' ? '黑名单' : '红名单'}｜${e.category}｜${e.department}｜${e.listedOn} 至 ${e.validUntil ?? '长期'}｜${e.documentNumber ?? '—'}`;

function ageText(check: CodeCheck): string {
  const { asOf, ageMs, stale } = check.verdict;
  if (asOf === null) return '—（没有平台答复 no answer from the platform）';
  const age = ageMs === null ? '' : `，${formatAge(ageMs, 'zh-CN')} / ${formatAge(ageMs, 'en')}`;
  return `${asOf}${age}${stale ? '（已过时 stale）' : ''}`;
}

function report(io: CliIo, checks: CodeCheck[], a: CheckArgs): void {
  const blocks = checks.map((c) => {
    const label = verdictLabel(c.verdict.kind, 'zh-CN');
    const lines = [
      `${c.code}  ${label.symbol} ${label.short} (${c.verdict.kind})${c.validity === 'suspect' ? '  [校验位不符 suspect]' : ''}${c.name ? `  ${c.name}` : ''}`,
      `  原因 Reason: ${describeReason(c.verdict, 'zh-CN')}`,
    ];
    if (c.input !== c.code) lines.push(`  输入 Input: ${c.input}`);
    const groups: [string, ListEntry[]][] = [
      ['有效条目 In force', c.verdict.activeEntries],
      ['异议中（暂停） Disputed, suspended', c.verdict.disputedEntries],
      ['重点监测 Monitoring', c.verdict.watchEntries],
    ];
    for (const [title, entries] of groups) for (const e of entries) lines.push(`  ${title}: ${entryLine(e)}`);
    if (c.measures === null) lines.push('  适用措施 Measures: 未能取得措施清单 the measures catalogue could not be fetched');
    else
      for (const m of c.measures)
        lines.push(`  适用措施 Measure (${a.context}): ${m.measure.id} ${m.measure.item}${m.suspended ? '（暂停适用 suspended）' : ''}`);
    lines.push(`  数据时间 Answer: ${ageText(c)}`);
    return lines.join('\n');
  });
  const counts = new Map<string, number>();
  for (const c of checks) counts.set(c.verdict.kind, (counts.get(c.verdict.kind) ?? 0) + 1);
  const summary = [...counts].map(([kind, n]) => `${kind} ${n}`).join(', ');
  const bad = checks.filter(failing).length;
  io.out(
    `${blocks.join('\n\n')}\n\n${checks.length} 个代码 codes (${summary}) · 平台 ${a.platform} · 场景 context ${a.context}\n${bad > 0 ? `✖ ${bad} 个代码为黑名单、未能核查或代码有误 black, unknown or invalid: exit 1` : '✓ 无黑名单、无未能核查或有误的代码 no black, unknown or invalid code'}\n`,
  );
}

function asJson(checks: CodeCheck[], a: CheckArgs, exitCode: number): string {
  return (
    JSON.stringify(
      {
        platform: a.platform,
        context: a.context,
        exitCode,
        codes: checks.map((c) => ({
          input: c.input,
          code: c.code,
          validity: c.validity,
          name: c.name,
          kind: c.verdict.kind,
          reason: c.verdict.reason,
          reasonText: { 'zh-CN': describeReason(c.verdict, 'zh-CN'), en: describeReason(c.verdict, 'en') },
          entriesInForce: c.verdict.activeEntries,
          disputedEntries: c.verdict.disputedEntries,
          watchEntries: c.verdict.watchEntries,
          measures:
            c.measures?.map((m) => ({
              id: m.measure.id,
              item: m.measure.item,
              kind: m.measure.kind,
              basis: m.measure.basis,
              suspended: m.suspended,
              entryId: m.entry.id,
            })) ?? null,
          asOf: c.verdict.asOf,
          ageMs: c.verdict.ageMs,
          stale: c.verdict.stale,
          ...(c.verdict.lastKnown && { lastKnown: c.verdict.lastKnown }),
        })),
      },
      null,
      2,
    ) + '\n'
  );
}

/**
 * `check CODE… | FILE.csv|.xlsx [--platform URL] [--token T] [--context C] [--column NAME] [--json]`:
 * the verdict of every code as the extension and the widget compute it. Exit 0 when no code is
 * black or unknown, 1 when one is, 2 on a usage error or an unreadable file.
 */
export const checkCommand: CliCommand = {
  usage: 'check [--platform URL] [--token T] [--context C] [--column NAME] [--json] <code… | file.csv | file.xlsx>',
  summary: `按扩展与组件的同一规则核查代码 Check codes (or a spreadsheet's code column) against the platform, as the extension and widget show them (default ${DEFAULT_PLATFORM_URL}, token from --token or CREDITLENS_TOKEN; exit 1 if any is black, unknown or invalid)`,
  async run(args, io) {
    const a = parseArgs(args, process.env);
    if (typeof a === 'string') {
      io.err(`${a}\nusage: ${this.usage}\n`);
      return EXIT_USAGE;
    }
    const inputs = [...a.inputs];
    for (const file of a.files) {
      const read = await readCheckCodes(file, a.column);
      if (!read.ok) {
        io.err(`${read.message}\n`);
        return EXIT_USAGE;
      }
      if (read.codes.length === 0) {
        io.err(`${file} 的 ${read.column} 列没有代码 has no codes in column ${read.column}\n`);
        return EXIT_USAGE;
      }
      if (!a.json) io.err(`${file}: ${read.codes.length} 个代码，取自列 codes from column ${read.column}\n`);
      inputs.push(...read.codes);
    }
    const checks = await checkCodes(inputs, { platform: a.platform, token: a.token, context: a.context });
    const exitCode = checks.some(failing) ? 1 : 0;
    if (a.json) io.out(asJson(checks, a, exitCode));
    else report(io, checks, a);
    return exitCode;
  },
};
