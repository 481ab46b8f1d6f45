import { USCC_CHARSET } from '../../../../core/uscc/uscc-charset.ts';
import { usccCheckChar } from '../../../../core/uscc/uscc-check-char.ts';

/** A code with a right check character: `91420105` + an 8-character serial from `n` + its org check + USCC check. */
export function makeSnapshotCode(n: number, prefix = '91420105'): string {
  let serial = '';
  let v = n;
  for (let i = 0; i < 9; i++) {
    serial = USCC_CHARSET[v % 31] + serial;
    v = Math.floor(v / 31);
  }
  const body = (prefix + serial).slice(0, 17);
  return body + usccCheckChar(body);
}
