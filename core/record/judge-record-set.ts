import { parseUscc } from '../uscc/parse-uscc.ts';
import type { CheckRecordSet } from './check-record-set-schema.ts';

/** A platform's address without its trailing slash, as parts and sets name it. */
export const platformOrigin = (url: string): string => url.replace(/\/+$/, '');
/** The parts of one check are signed within this time of each other (they are asked for at once). */
const SET_WINDOW_MS = 10 * 60_000;
const same = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * What is wrong with a record in parts as a whole, or null. Each part's signature is checked on
 * its own; this checks what the parts signed about each other (their `set`): one set id, every
 * platform the set names present exactly once, every code of the set in some part, and one case,
 * context and operator, issued within minutes of each other. So a
 * part dropped (say, the province's black listing), repeated or taken from another check fails
 * although each remaining part is genuine.
 */
export function judgeRecordSet(set: CheckRecordSet): string | null {
  const refs = set.parts.map((part) => part.signed.record.set);
  const [first] = refs;
  if (!first || refs.some((ref) => ref === undefined)) return '有部分不是分平台记录的一部分 / A part is not part of a record in parts';
  if (refs.some((ref) => ref!.id !== first.id || !same(ref!.platforms, first.platforms) || !same(ref!.codes, first.codes))) {
    return '各部分不属于同一次查询 / The parts are not of one check';
  }
  const records = set.parts.map((part) => part.signed.record);
  const one = (value: (r: (typeof records)[number]) => unknown) => new Set(records.map((r) => JSON.stringify(value(r) ?? null))).size === 1;
  // One check: the same case, context and operator, issued together (the parts are asked for at once).
  const times = records.map((r) => Date.parse(r.issuedAt));
  if (!one((r) => r.caseReference) || !one((r) => r.context) || !one((r) => r.operator) || Math.max(...times) - Math.min(...times) > SET_WINDOW_MS) {
    return '各部分不属于同一次查询（案号、场景、查询人或签发时间不一致） / The parts are not of one check';
  }
  const named = first.platforms.map(platformOrigin).sort();
  if (new Set(named).size !== named.length) return '记录组重复列出了同一平台 / The set names a platform twice';
  const present = set.parts.map((part) => platformOrigin(part.platformUrl)).sort();
  if (!same(named, present)) {
    return `记录应由这些平台各签一部分：${first.platforms.join('、')}；文件中为：${set.parts.map((p) => p.platformUrl).join('、')} / A part is missing or repeated`;
  }
  const covered = new Set(set.parts.flatMap((part) => part.signed.record.items.map((item) => parseUscc(item.code).code)));
  const missing = first.codes.filter((code) => !covered.has(parseUscc(code).code));
  if (missing.length > 0) return `代码不在任何部分中：${missing.slice(0, 5).join('、')} / Codes in no part`;
  return null;
}
