import { describe, expect, it } from 'vitest';
import { parseStrictJson } from '../../../../core/record/parse-strict-json.ts';

describe('parseStrictJson', () => {
  it.each([
    ['{"a":1,"b":[true,false,null,"x"],"c":{"d":-1.5e3}}'],
    ['\uFEFF {"a" : "\\u0041\\n\\"" }\n'],
    ['[]'],
    ['"text"'],
    ['{"__proto__":{"admin":true}}'],
    ['[{"a":1},{"a":2}]'],
  ])('returns what JSON.parse returns for %j', (text) => {
    const result = parseStrictJson(text);
    expect(result).toEqual({ ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) });
  });

  it('returns an own __proto__ key, never a changed prototype', () => {
    const result = parseStrictJson('{"__proto__":{"admin":true}}');
    expect(result.ok && Object.getPrototypeOf(result.value)).toBe(Object.prototype);
    expect(result.ok && Object.keys(result.value as object)).toEqual(['__proto__']);
  });

  it.each([['{"a":1,"a":2}'], ['{"record":{"verdict":"clear","verdict":"black"}}'], ['{"a":1,"\\u0061":2}'], ['[{"x":{"y":1,"y":1}}]']])(
    'returns duplicate-key for %j',
    (text) => {
      expect(parseStrictJson(text)).toMatchObject({ ok: false, error: { kind: 'duplicate-key' } });
    },
  );

  it.each([[''], ['{'], ['{"a":1,}'], ['[1,]'], ["{'a':1}"], ['{"a":01}'], ['{"a":1} x'], ['"a\u0001"'], ['NaN']])('returns syntax for %j', (text) => {
    expect(parseStrictJson(text)).toMatchObject({ ok: false, error: { kind: 'syntax' } });
  });
});
