import { chinaDate, chinaInstant } from '../../core/time/china-time.ts';

/**
 * The instant verdicts are judged at: now, unless the platform's "today" is fixed to another China
 * date (tests, demos), then noon of that day — so the platform's verdicts agree with the entry
 * states it answers.
 */
export function nowOnToday(today: string, now: Date = new Date()): Date {
  return chinaDate(now) === today ? now : chinaInstant(today, '12:00:00');
}
