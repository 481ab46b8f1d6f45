/** @vitest-environment happy-dom */
import { beforeAll, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { computeVerdict } from '../../../../core/verdict/compute-verdict.ts';
import { toCodeView } from '../../../../extension/background/to-code-view.ts';
import { renderCodeCard } from '../../../../extension/content/render-code-card.tsx';
import { makeEntry } from '../../core/fixtures/make-entry.ts';
import { makeMeasure } from '../../core/fixtures/make-measure.ts';
import { withUsccCheck, withWrongCheck } from '../../core/uscc/reference-uscc.ts';

const A = withUsccCheck('91420105MA4KMF000');

function container(): HTMLElement {
  const host = document.createElement('div');
  document.body.append(host);
  const el = document.createElement('div');
  host.attachShadow({ mode: 'open' }).append(el);
  return el;
}

describe('renderCodeCard', () => {
  // The card's feedback section asks the background (getFeedback): someone must be listening.
  beforeAll(() => fakeBrowser.runtime.onMessage.addListener(() => undefined));

  it('shows the name, the entry and the measures, platform text as text', () => {
    const entry = makeEntry({ facts: '<img src=x onerror=alert(1)>拒不履行' });
    const result = {
      code: A,
      found: true,
      invalid: false,
      subject: { code: A, name: '甲公司<b>', regionCode: null, legalRepresentative: null },
      entries: [entry],
      asOf: new Date().toISOString(),
      dataVersion: 1,
    };
    const view = toCodeView(
      A,
      { ...computeVerdict({ result, now: new Date() }), result },
      'procurement',
      [makeMeasure({ list: 'black', contexts: ['procurement'], item: '限制参与政府采购' })],
      null,
    );
    const el = container();
    renderCodeCard(el, { code: A, kind: 'black', validity: 'valid', reasons: [], verdict: { kind: 'black', view }, source: 'text' }, 'procurement');
    expect(el.textContent).toContain('甲公司<b>');
    expect(el.textContent).toContain('失信被执行人');
    expect(el.textContent).toContain('限制参与政府采购');
    expect(el.querySelector('img')).toBeNull();
  });

  it('explains a wrong check character without any answer', () => {
    const el = container();
    const code = withWrongCheck(A);
    renderCodeCard(el, { code, kind: 'invalid', validity: 'suspect', reasons: ['checksum'], verdict: undefined, source: 'field' }, 'general');
    expect(el.textContent).toContain(code);
    expect(el.textContent).not.toContain('未列入');
  });

  it('never shows an unanswered code as clear', () => {
    const el = container();
    renderCodeCard(el, { code: A, kind: 'pending', validity: 'valid', reasons: [], verdict: undefined, source: 'text' }, 'general');
    expect(el.textContent).not.toContain('未列入');
  });
});
