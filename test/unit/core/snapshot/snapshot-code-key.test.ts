import { describe, expect, it } from 'vitest';
import { codeKey, codeWords, compareKeys, keyCode, keyWords } from '../../../../core/snapshot/snapshot-code-key.ts';
import { makeSnapshotCode } from './make-snapshot-code.ts';

describe('codeKey', () => {
  it.each(['91420105MA4KXXXX9A', '000000000000000000', 'YYYYYYYYYYYYYYYYYY'].map((c) => [c.slice(0, 17)]))(
    'round-trips %s with its check character',
    (body) => {
      const code = makeSnapshotCode(0, body);
      expect(keyCode(codeKey(code)!)).toBe(code);
    },
  );

  it('round-trips many codes and orders them as their characters do', () => {
    const codes = Array.from({ length: 500 }, (_, i) => makeSnapshotCode(i * 7919 + 13, i % 2 ? '91420105' : '12110000'));
    for (const code of codes) expect(keyCode(codeKey(code)!)).toBe(code);
    const value = (c: string) => [...c.slice(0, 17)].map((ch) => '0123456789ABCDEFGHJKLMNPQRTUWXY'.indexOf(ch).toString().padStart(2, '0')).join('');
    const byKey = [...codes].sort((a, b) => compareKeys(codeKey(a)!, codeKey(b)!));
    const byValue = [...codes].sort((a, b) => (value(a) < value(b) ? -1 : value(a) > value(b) ? 1 : 0));
    expect(byKey).toEqual(byValue);
  });

  it('gives the words codeWords makes from the code, in the same order as the keys', () => {
    const codes = Array.from({ length: 300 }, (_, i) => makeSnapshotCode(i * 1_000_003 + 5, i % 3 ? '91420105' : 'Y1110000'));
    const out = new Uint32Array(3);
    for (const code of codes) {
      expect(codeWords(code, out)).toBe(true);
      expect([...out]).toEqual(keyWords(codeKey(code)!));
    }
    const words = (c: string) => keyWords(codeKey(c)!);
    const cmp = (a: number[], b: number[]) => a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!;
    expect([...codes].sort((a, b) => cmp(words(a), words(b)))).toEqual([...codes].sort((a, b) => compareKeys(codeKey(a)!, codeKey(b)!)));
    expect(codeWords(codes[0]!.slice(0, 17) + (codes[0]![17] === 'A' ? 'B' : 'A'), out)).toBe(false);
  });

  it('keeps the largest code within three 32-bit words', () => {
    const words = keyWords(codeKey(makeSnapshotCode(0, 'YYYYYYYYYYYYYYYYY'))!);
    for (const w of words) expect(w).toBeLessThan(2 ** 32);
  });

  const right = makeSnapshotCode(0, '91420105MA4KXXXX9');
  const wrongCheck = right.slice(0, 17) + (right[17] === 'A' ? 'B' : 'A');
  it.each([[wrongCheck], [right.slice(0, 17)], [right.slice(0, 16) + 'I' + right[17]], ['']])(
    'refuses %s (wrong check character, length or charset)',
    (code) => {
      expect(codeKey(code)).toBeNull();
    },
  );
});
