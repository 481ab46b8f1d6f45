/**
 * The script-tag build's entry (`credit-lens.js`): reads the tag's data attributes, defines
 * `<credit-status>` and sets `window.CreditLens` — the only global it touches. Loading the
 * script twice keeps the first runtime.
 */
import { createCreditLens, type CreditLens } from '../runtime/create-credit-lens.ts';
import { readScriptOptions } from './read-script-options.ts';

declare global {
  interface Window {
    CreditLens?: CreditLens;
  }
}

function install(): void {
  if (window.CreditLens) return;
  const { options, scan } = readScriptOptions(document.currentScript, window);
  let lens: CreditLens;
  try {
    lens = createCreditLens(options);
  } catch (error) {
    // A bad data attribute must not break the host page; the API stays usable via configure().
    console.error('[CreditLens]', error);
    lens = createCreditLens({});
  }
  window.CreditLens = lens;
  lens.defineElement();
  if (scan !== null) {
    const start = (): void => {
      const root = scan === '' ? document.body : document.querySelector(scan);
      if (root) void lens.scan(root);
    };
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
    else start();
  }
}

install();
