import * as z from 'zod/mini';
import { platformsCovering } from '../../core/platforms/platforms-covering.ts';
import type { PlatformRegion } from '../../core/platforms/platform-config-schema.ts';
import { isStatusErrorResult, StatusResultSchema, type StatusErrorResult, type StatusResult } from '../../core/api/status-schema.ts';
import { computeVerdict } from '../../core/verdict/compute-verdict.ts';
import { nowOnToday } from '../time/now-on-today.ts';
import { hasControls, stripControlsDeep } from '../../core/text/strip-controls.ts';
import { parseUscc } from '../../core/uscc/parse-uscc.ts';
import type { Disclosure } from '../privacy/disclosure-for.ts';
import type { PlatformContext } from '../server/platform-context.ts';
import { schemaIssues } from '../server/schema-issues.ts';
import { toSubject, visibleEntriesOf } from './to-list-entry.ts';

/**
 * Answers codes as `POST /api/v1/status` does (and the check record, which must say the same):
 * normalized and checked locally first, invalid ones answered without a lookup, duplicates once,
 * entries and personal data limited to what the caller may see (`disclosureFor`). `looked` lists the codes actually looked up, for
 * the audit log. A code whose stored data does not pass the answer's schema (data from before the
 * import checks, a field too long, too many entries) is answered with a per-code error, so one
 * bad subject never breaks the batch it is in.
 */
export async function lookUpCodes(
  ctx: PlatformContext,
  codes: readonly string[],
  disclosure: Disclosure,
  stamp: { asOf: string; dataVersion: number },
): Promise<{ results: (StatusResult | StatusErrorResult)[]; looked: string[] }> {
  const today = ctx.today();
  const parsedCodes: (string | null)[] = [];
  const seen = new Set<string>();
  const inputs: string[] = [];
  const looked: string[] = [];
  for (const input of codes) {
    if (seen.has(input)) continue;
    seen.add(input);
    inputs.push(input);
    const parsed = parseUscc(input);
    parsedCodes.push(parsed.validity === 'invalid' ? null : parsed.code);
    if (parsed.validity !== 'invalid') looked.push(parsed.code);
  }
  // Every valid code of the request in one statement (code-lookup-repository.ts).
  const found = await ctx.repos.lookup.lookUp([...new Set(looked)]);
  const regions = ctx.regions as PlatformRegion[];
  const elsewhere = regions.includes('all') ? null : (code: string) => platformsCovering(code, [{ regions }]).length === 0;
  const results: (StatusResult | StatusErrorResult)[] = inputs.map((input, i) => {
    const code = parsedCodes[i];
    if (code === null || code === undefined) return { code: input, found: false, invalid: true, subject: null, entries: [], ...stamp };
    const hit = found.get(code);
    // A subject registered outside the platform's regions: another platform's lists decide, so this one never
    // says "not listed" for it — only what its own entries put in force (a listing it holds) is answered.
    const outside = elsewhere?.(code) ?? false;
    if (outside && !hit) return notOurs(input, code, stamp);
    const result = checked({
      code: input,
      found: hit !== undefined,
      invalid: false,
      subject: hit ? toSubject(hit.subject, disclosure) : null,
      entries: hit ? visibleEntriesOf(hit.entries, today, disclosure) : [],
      scope: disclosure.scope,
      ...stamp,
    });
    if (outside && !isStatusErrorResult(result) && computeVerdict({ result, now: nowOnToday(today), freshnessMs: Number.POSITIVE_INFINITY }).kind === 'clear') {
      return notOurs(input, code, stamp);
    }
    return result;
  });
  return { results, looked };
}

/** The answer for a code of another region that this platform cannot speak for: unknown, never "not listed". */
function notOurs(input: string, code: string, stamp: { asOf: string; dataVersion: number }): StatusErrorResult {
  return { code: input, error: { kind: 'unavailable', message: `not this platform's region: ${code} is registered elsewhere` }, ...stamp };
}

/**
 * The parts of an answer that come from storage, under the contract's own schema: the rest (the
 * code as asked, the flags, scope and stamp) the platform builds itself, typed, and every answer
 * is checked whole under the tests (send-validated.ts). Checking only these halves the cost of the
 * check on the hot path.
 */
const StoredPartsSchema = z.pick(StatusResultSchema, { subject: true, entries: true });

/**
 * The result with invisible bidi and zero-width controls removed from its texts (data stored
 * before import stripped them must not reorder what a client shows), or the per-code error when
 * it would not pass the contract.
 */
function checked(raw: StatusResult): StatusResult | StatusErrorResult {
  // The code stays exactly as asked: clients match answers to their questions by it.
  const result = hasControlsDeep(raw.subject) || hasControlsDeep(raw.entries) ? { ...stripControlsDeep(raw), code: raw.code } : raw;
  const parsed = StoredPartsSchema.safeParse({ subject: result.subject, entries: result.entries });
  if (parsed.success) return result;
  console.error(
    `[platform] the data of code ${result.code} does not pass the answer schema; answered as unavailable:`,
    JSON.stringify(schemaIssues(parsed.error.issues).slice(0, 3)),
  );
  return {
    code: result.code,
    error: { kind: 'unavailable', message: '平台存储的该代码数据不符合接口约定，暂无法提供 / the platform cannot answer this code within the contract' },
    asOf: result.asOf,
    dataVersion: result.dataVersion,
  };
}

/** Whether any text in plain data holds a character stripControls removes (a walk that copies nothing: most answers have none). */
function hasControlsDeep(value: unknown): boolean {
  if (typeof value === 'string') return hasControls(value);
  if (Array.isArray(value)) return value.some(hasControlsDeep);
  if (value !== null && typeof value === 'object') {
    for (const key in value) if (hasControlsDeep((value as Record<string, unknown>)[key])) return true;
  }
  return false;
}
