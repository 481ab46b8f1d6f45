/** The calendar date in China as `YYYY-MM-DD` (list dates are China dates): core/time/china-time.ts, one China-time module. */
export { chinaDate } from '../time/china-time.ts';
