/**
 * The `RATE_LIMIT` setting: requests per minute per caller, `0`/`off`/`false`/`no` for no limit,
 * unset or empty for the platform's default (undefined). Anything else is a mistake worth stopping
 * for rather than a limit silently dropped.
 */
export function parseRateLimit(value: string | undefined): number | false | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^(0|false|off|no)$/i.test(text)) return false;
  const perMinute = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(perMinute)) {
    throw new Error(`RATE_LIMIT must be a number of requests per minute per caller, or off (got ${JSON.stringify(value)})`);
  }
  return perMinute;
}
