// Positions 3-8 hold a GB/T 2260 administrative division code. We only check that it is six digits
// under a known province (or 100000 for national registrations): the full division list changes
// every year and is too big for the widget, and describeRegion gives names where they are wanted.

const PROVINCES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
]);

/** Code of a national (not regional) registration. */
export const NATIONAL_REGION = '100000';

/** True when `region` is six digits under a known province prefix, or `100000` (national). */
export function isPlausibleRegion(region: string): boolean {
  if (!/^\d{6}$/.test(region)) return false;
  return region === NATIONAL_REGION || PROVINCES.has(region.slice(0, 2));
}
