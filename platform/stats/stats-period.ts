import { chinaInstant } from '../../core/time/china-time.ts';
import { ApiError } from '../server/api-error.ts';
import { daysFrom } from '../time/days-from.ts';

/** A period of China dates, both inclusive, and the instants `[fromInstant, toInstant)` it spans. */
export interface StatsPeriod {
  from: string;
  to: string;
  fromInstant: string;
  toInstant: string;
}

/** Days in the default period (the last 30 days, today included). */
export const DEFAULT_STATS_DAYS = 30;

const chinaMidnight = (date: string) => chinaInstant(date).toISOString();

/** The period asked for; missing ends default to the last 30 days up to today. */
export function statsPeriod(query: { from?: string; to?: string }, today: string): StatsPeriod {
  const to = query.to ?? (query.from ? daysFrom(query.from, DEFAULT_STATS_DAYS - 1) : today);
  const from = query.from ?? daysFrom(to, -(DEFAULT_STATS_DAYS - 1));
  if (from > to) throw new ApiError(400, 'bad_request', 'the period ends before it starts', [{ path: 'from', message: `${from} is after ${to}` }]);
  return { from, to, fromInstant: chinaMidnight(from), toInstant: chinaMidnight(daysFrom(to, 1)) };
}
