import { describe, expect, it } from 'vitest';
import type { FeedbackRecord } from '../../../../core/api/feedback-schema.ts';
import { FollowUpHitSchema } from '../../../../core/api/follow-up-schema.ts';
import { followUpHits, type HitCheck } from '../../../../platform/assessment/follow-up-hits.ts';
import { workingDayCalendar } from '../../../../platform/holidays/working-day-calendar.ts';

const BLACK = '91420105756704M24P';
const RED = '914201056501676977';
const calendar = workingDayCalendar();
/** 10:00 China time on a date. */
const at = (date: string, hour = 10) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`).toISOString();

const check = (over: Partial<HitCheck> = {}): HitCheck => ({
  at: at('2026-09-30'),
  department: '区市场监管局',
  code: BLACK,
  kind: 'black',
  caseReference: 'XK-2026-0930',
  ...over,
});
const feedback = (over: Partial<FeedbackRecord> = {}): FeedbackRecord => ({
  id: 'fb-1',
  idempotencyKey: 'fb-key-0001',
  code: BLACK,
  entryId: null,
  measureId: 'P15-6',
  outcome: 'applied',
  reason: null,
  caseReference: 'XK-2026-0930',
  note: null,
  operator: null,
  department: '区市场监管局',
  context: 'approval',
  receivedAt: at('2026-10-09'),
  ...over,
});
const judge = (checks: HitCheck[], fb: FeedbackRecord[], judgedOn: string, workingDays = 5) => followUpHits(checks, fb, { workingDays, judgedOn, calendar });

describe('followUpHits', () => {
  it('returns an open hit, due on the 5th working day after National Day, while no feedback came', () => {
    const [hit] = judge([check()], [], '2026-10-13');
    expect(FollowUpHitSchema.parse(hit)).toEqual(hit);
    expect(hit).toMatchObject({ status: 'open', checkedOn: '2026-09-30', dueOn: '2026-10-13', feedbackId: null, daysToFeedback: null, late: false });
  });

  it('returns overdue the day after the deadline — not during the holiday, as counting weekdays only would', () => {
    expect(judge([check()], [], '2026-10-08')[0]!.status).toBe('open'); // a weekday count would be due 10-07
    expect(judge([check()], [], '2026-10-13')[0]!.status).toBe('open');
    expect(judge([check()], [], '2026-10-14')[0]!.status).toBe('overdue');
  });

  it('returns overdue across the Spring Festival only after the 2nd working day after it', () => {
    const c = check({ at: at('2026-02-13'), caseReference: 'CG-2026-02' });
    expect(judge([c], [], '2026-02-23', 2)[0]).toMatchObject({ status: 'open', dueOn: '2026-02-24' });
    expect(judge([c], [], '2026-02-25', 2)[0]!.status).toBe('overdue');
  });

  it('returns closed when the department gave feedback for that subject in that case, with the days it took', () => {
    const [hit] = judge([check()], [feedback()], '2026-11-30');
    expect(hit).toMatchObject({ status: 'closed', feedbackId: 'fb-1', feedbackAt: at('2026-10-09'), daysToFeedback: 9, late: false });
  });

  it('returns closed but late when the feedback came after the deadline', () => {
    const [hit] = judge([check()], [feedback({ receivedAt: at('2026-10-14', 9) })], '2026-11-30');
    expect(hit).toMatchObject({ status: 'closed', late: true, daysToFeedback: 14 });
  });

  it.each([
    ['another department', { department: '区住房城乡建设局' }],
    ['another subject', { code: RED }],
    ['another case', { caseReference: 'XK-2026-0999' }],
  ])('returns still open (then overdue) when the only feedback is from %s', (_what, over) => {
    expect(judge([check()], [feedback(over)], '2026-10-14')[0]!.status).toBe('overdue');
  });

  it('returns one hit for repeated checks of a code in one case, dated by the first', () => {
    const hits = judge([check({ at: at('2026-10-09') }), check(), check({ at: at('2026-10-12') })], [], '2026-10-13');
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ checks: 3, checkedOn: '2026-09-30', dueOn: '2026-10-13' });
  });

  it('returns one hit per day for checks that name no case, closed only by feedback at or after the check', () => {
    const checks = [
      check({ caseReference: null, at: at('2026-03-02', 9) }),
      check({ caseReference: null, at: at('2026-03-02', 15) }),
      check({ caseReference: null, at: at('2026-03-04') }),
    ];
    const hits = judge(checks, [feedback({ caseReference: 'ANY-1', receivedAt: at('2026-03-03') })], '2026-03-20');
    expect(hits.map((h) => [h.checkedOn, h.checks, h.status])).toEqual([
      ['2026-03-02', 2, 'closed'],
      ['2026-03-04', 1, 'overdue'], // the feedback came before this check
    ]);
  });

  it('returns red hits (incentives) under the same rules', () => {
    const [hit] = judge([check({ code: RED, kind: 'red' })], [feedback({ code: RED, measureId: 'R11-1' })], '2026-10-20');
    expect(hit).toMatchObject({ kind: 'red', status: 'closed' });
  });
});
