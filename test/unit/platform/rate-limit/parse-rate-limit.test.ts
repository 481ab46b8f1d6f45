import { describe, expect, it } from 'vitest';
import { platformConfig } from '../../../../platform/cli/platform-config.ts';
import { parseRateLimit } from '../../../../platform/rate-limit/parse-rate-limit.ts';

describe('parseRateLimit', () => {
  it.each<[string | undefined, number | false | undefined]>([
    [undefined, undefined],
    ['', undefined],
    ['  ', undefined],
    ['600', 600],
    [' 100000 ', 100000],
    ['0', false],
    ['off', false],
    ['OFF', false],
    ['false', false],
    ['no', false],
  ])('returns %j as %j', (value, expected) => {
    expect(parseRateLimit(value)).toBe(expected);
  });

  it.each(['-5', '1.5', '10/s', 'lots', '1e3', '99999999999999999999'])('rejects %j with the variable named', (value) => {
    expect(() => parseRateLimit(value)).toThrow(/RATE_LIMIT/);
  });

  it('returns the limit in the platform configuration read from the environment', () => {
    expect(platformConfig({ RATE_LIMIT: '120' }).rateLimit).toBe(120);
    expect(platformConfig({ RATE_LIMIT: 'off' }).rateLimit).toBe(false);
    expect(platformConfig({}).rateLimit).toBeUndefined();
  });
});
