import { readFileSync } from 'node:fs';
import type { FeedbackRecord } from '../../core/api/feedback-schema.ts';
import { chinaInstant } from '../../core/time/china-time.ts';
import type { Repositories } from '../db/repositories.ts';
import { daysFrom } from '../time/days-from.ts';

/** Departments of the demo's check history (the demo department's token acts for 区市场监管局). */
export const HISTORY_DEPARTMENTS = ['区住房和城市更新局', '区财政局', '区行政审批局', '区人社局', '区市场监管局'] as const;
/** Days of history before the seed day (the seed day itself has none: its checks would lie ahead of the clock). */
export const HISTORY_DAYS = 28;

interface DemoExpectation {
  role?: string;
  code: string;
  expectedVerdict: string;
  inDatabase?: false;
}

const china = (date: string, hour: number) => chinaInstant(date, `${String(hour).padStart(2, '0')}:00:00`).toISOString();

/**
 * A deterministic history of department checks and feedback for the demo (issue 19), so the
 * credit office's dashboard has something to draw: on day `today − k` (k = 1…28) department `d`
 * checks when (k + d) is a multiple of 3 — a black subject and a clear one, plus a red one when
 * (k + d) is a multiple of 6 — in case `演示-<d>-<date>`; it gives feedback on the black hit
 * `k mod 3` days later unless (k + 2d) is a multiple of 4, and on a red hit when d is even. That
 * is 46 checks, 69 hits. Only named-fixture-free demo subjects are used (tests that read a
 * fixture's feedback or audit rows see none of it), and only when the database holds the demo
 * subjects of platform/seed/demo-subjects.json (the default seed): the verdicts stored are the
 * ones that file promises, which never depend on the day. Returns the checks written.
 */
export async function seedCheckHistory(repos: Repositories, today: string): Promise<number> {
  const subjects = JSON.parse(readFileSync(new URL('../seed/demo-subjects.json', import.meta.url), 'utf8')) as DemoExpectation[];
  const plain = (verdict: string) => subjects.filter((s) => s.role === undefined && s.inDatabase !== false && s.expectedVerdict === verdict).map((s) => s.code);
  const [blacks, reds, clears] = [plain('black'), plain('red'), plain('clear')];
  if (!blacks.length || !reds.length || !clears.length) return 0;
  for (const c of [...blacks, ...reds, ...clears]) if (!(await repos.subjects.get(c))) return 0;
  let written = 0;
  let n = 0;
  const feedback = async (
    department: string,
    code: string,
    caseReference: string,
    measureId: string,
    receivedAt: string,
    context: FeedbackRecord['context'],
  ) => {
    const id = `fb-demo-${String(++n).padStart(4, '0')}`;
    await repos.feedback.insert(
      {
        id,
        idempotencyKey: `demo-history-${id}`,
        code,
        entryId: null,
        measureId,
        outcome: 'applied',
        reason: null,
        caseReference,
        note: null,
        operator: null,
        department,
        context,
        receivedAt,
      },
      `demo-history-${id}`,
    );
  };
  for (let k = HISTORY_DAYS; k >= 1; k--) {
    const date = daysFrom(today, -k);
    for (const [d, department] of HISTORY_DEPARTMENTS.entries()) {
      if ((k + d) % 3 !== 0) continue;
      const black = blacks[(k * 5 + d) % blacks.length]!;
      const clear = clears[(k * 7 + d) % clears.length]!;
      const red = (k + d) % 6 === 0 ? reds[(k * 3 + d) % reds.length]! : null;
      const caseReference = `演示-${d + 1}-${date}`;
      const at = china(date, 9 + d);
      const codes = red ? [black, clear, red] : [black, clear];
      await repos.audit.record({
        at,
        tokenId: null,
        department,
        endpoint: 'status',
        codes,
        purpose: '演示数据 demo history',
        ip: null,
        verdicts: red ? { black: 1, clear: 1, red: 1 } : { black: 1, clear: 1 },
        caseReference,
        hits: red
          ? [
              { code: black, kind: 'black' },
              { code: red, kind: 'red' },
            ]
          : [{ code: black, kind: 'black' }],
      });
      written++;
      const delay = k % 3;
      if ((k + 2 * d) % 4 !== 0 && delay < k) await feedback(department, black, caseReference, 'P15-6', china(daysFrom(date, delay), 15), 'approval');
      if (red && d % 2 === 0) await feedback(department, red, caseReference, 'R11-1', china(date, 16), 'approval');
    }
  }
  return written;
}
