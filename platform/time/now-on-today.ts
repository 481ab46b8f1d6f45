import { chinaDate } from '../../core/verdict/china-date.ts';

/**
 * The instant verdicts are judged at: now, unless the platform's "today" is fixed to another China
 * date (tests, demos), then noon of that day — so the platform's verdicts agree with the entry
 * states it answers.
 */
export function nowOnToday(today: string, now: Date = new Date()): Date {
  return chinaDate(now) === today ? now : new Date(`${today}T12:00:00+08:00`);
}
