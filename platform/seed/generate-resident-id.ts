import type { SeedRandom } from './seed-random.ts';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** A well-formed (GB 11643) resident ID number of someone born 1955–1995 in `region`: demo persons need real-looking, maskable IDs. */
export function generateResidentId(random: SeedRandom, region: string): string {
  const birth = `${random.int(1955, 1995)}${String(random.int(1, 12)).padStart(2, '0')}${String(random.int(1, 28)).padStart(2, '0')}`;
  const first17 = `${region}${birth}${String(random.int(1, 999)).padStart(3, '0')}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * (WEIGHTS[i] as number);
  return first17 + CHECK[sum % 11];
}
