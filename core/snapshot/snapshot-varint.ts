/**
 * Unsigned LEB128 varints of up to 85 bits held as two exact 42-bit halves (snapshot-code-key.ts),
 * the gap between consecutive sorted codes: most gaps take five to seven bytes.
 */
const HALF = 2 ** 42;

/** Appends `hi·2^42 + lo` to `out`. */
export function writeVarint(out: number[], hi: number, lo: number): void {
  do {
    const low7 = lo % 128;
    lo = (lo - low7) / 128 + (hi % 128) * 2 ** 35;
    hi = Math.floor(hi / 128);
    out.push(hi > 0 || lo > 0 ? low7 | 0x80 : low7);
  } while (hi > 0 || lo > 0);
}

/** Reads one varint at `at.offset` (advanced past it) into `into`; false when the bytes run out or it is too long. */
export function readVarint(bytes: Uint8Array, at: { offset: number }, into: { hi: number; lo: number }): boolean {
  let hi = 0;
  let lo = 0;
  let shift = 0;
  for (;;) {
    if (at.offset >= bytes.length || shift > 84) return false;
    const byte = bytes[at.offset++] as number;
    const bits = byte & 0x7f;
    // 42 is a multiple of 7: a group falls wholly in one half.
    if (shift < 42) lo += bits * 2 ** shift;
    else hi += bits * 2 ** (shift - 42);
    shift += 7;
    if ((byte & 0x80) === 0) break;
  }
  into.hi = hi;
  into.lo = lo;
  return lo < HALF;
}
