/** @vitest-environment happy-dom */
import { afterEach, describe, expect, it } from 'vitest';
import { locateCodes } from '../../../../core/scan/locate-codes.ts';

const CODE = '91350100M000100Y43';
const OTHER = '91420105MA4KMF039Y';

afterEach(() => document.body.replaceChildren());

describe('locateCodes', () => {
  it('returns every place of a code, one range for a code split across inline elements', () => {
    document.body.innerHTML = `<p>${CODE}</p><p>甲公司 <em>${CODE.slice(0, 4)}</em>${CODE.slice(4)}</p><p>${OTHER}</p>`;
    const places = locateCodes(document.body, new Set([CODE]));
    expect(places.get(CODE)!.map((p) => (p as Range).toString())).toEqual([CODE, CODE]);
    expect(places.has(OTHER)).toBe(false);
  });

  it('returns no place for parts of a code in two blocks', () => {
    document.body.innerHTML = `<div>${CODE.slice(0, 9)}</div><div>${CODE.slice(9)}</div>`;
    expect(locateCodes(document.body, new Set([CODE])).size).toBe(0);
  });
});
