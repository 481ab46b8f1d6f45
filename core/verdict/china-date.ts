const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The calendar date in China (UTC+8, no daylight saving) as `YYYY-MM-DD`: list dates are China dates. */
export function chinaDate(now: Date): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}
