import { describe, expect, it } from 'vitest';
import { readVarint, writeVarint } from '../../../../core/snapshot/snapshot-varint.ts';

describe('writeVarint / readVarint', () => {
  it.each([
    [0, 0, 1],
    [0, 127, 1],
    [0, 128, 2],
    [0, 2 ** 42 - 1, 6],
    [1, 0, 7],
    [2 ** 43 - 1, 2 ** 42 - 1, 13],
  ])('round-trips hi %d lo %d in %d bytes', (hi, lo, length) => {
    const out: number[] = [];
    writeVarint(out, hi, lo);
    expect(out).toHaveLength(length);
    const into = { hi: -1, lo: -1 };
    const at = { offset: 0 };
    expect(readVarint(Uint8Array.from(out), at, into)).toBe(true);
    expect(into).toEqual({ hi, lo });
    expect(at.offset).toBe(length);
  });

  it('refuses a varint cut short', () => {
    expect(readVarint(Uint8Array.from([0x80, 0x80]), { offset: 0 }, { hi: 0, lo: 0 })).toBe(false);
  });
});
