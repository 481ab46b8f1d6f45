import { describe, expect, it } from 'vitest';
import { codeKey, compareKeys, keyCode, keyWords } from '../../../../core/snapshot/snapshot-code-key.ts';
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
