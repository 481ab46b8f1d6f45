/** @vitest-environment happy-dom */
import { afterEach, describe, expect, it } from 'vitest';
import { locateCodePlaces } from '../../../widget/more/locate-code.ts';

const locateCode = (root: Element, code: string) => locateCodePlaces(root, [code]).get(code) ?? null;
import { BLACK_CODE, CLEAR_CODE as MISSING, RED_CODE as OTHER } from './fake-platform.ts';

afterEach(() => document.body.replaceChildren());

describe('locateCodePlaces', () => {
  it('returns a range over a code split across inline elements', () => {
    document.body.innerHTML = `<p>投标人 <b>${BLACK_CODE.slice(0, 8)}</b>${BLACK_CODE.slice(8)}</p>`;
    const at = locateCode(document.body, BLACK_CODE) as Range;
    expect(at.toString()).toBe(BLACK_CODE);
    expect(at.startContainer).not.toBe(at.endContainer);
  });

  it('returns a range over a code written with separators', () => {
    document.body.innerHTML = `<p>代码：${BLACK_CODE.slice(0, 6)} ${BLACK_CODE.slice(6)}</p>`;
    expect((locateCode(document.body, BLACK_CODE) as Range).toString()).toBe(`${BLACK_CODE.slice(0, 6)} ${BLACK_CODE.slice(6)}`);
  });

  it('returns nothing for a code inside a longer token or across a block edge', () => {
    document.body.innerHTML = `<p>X${BLACK_CODE}9</p><div>${BLACK_CODE.slice(0, 9)}</div><div>${BLACK_CODE.slice(9)}</div>`;
    expect(locateCode(document.body, BLACK_CODE)).toBeNull();
  });

  it('answers every code of a batch at once, leaving out those not on the page', () => {
    document.body.innerHTML = `<p>${BLACK_CODE}</p><credit-status code="${OTHER}"></credit-status>`;
    const places = locateCodePlaces(document.body, [BLACK_CODE, OTHER, MISSING]);
    expect([...places.keys()].sort()).toEqual([BLACK_CODE, OTHER].sort());
    expect((places.get(OTHER) as Element).tagName).toBe('CREDIT-STATUS');
    expect(places.get(BLACK_CODE)!.toString()).toBe(BLACK_CODE);
  });

  it('returns the <credit-status> for the code first, then a field holding it', () => {
    document.body.innerHTML = `<input value="${BLACK_CODE}"><credit-status code="${BLACK_CODE.toLowerCase()}"></credit-status>`;
    expect((locateCode(document.body, BLACK_CODE) as Element).tagName).toBe('CREDIT-STATUS');
    document.body.querySelector('credit-status')!.remove();
    expect((locateCode(document.body, BLACK_CODE) as Element).tagName).toBe('INPUT');
  });
});
