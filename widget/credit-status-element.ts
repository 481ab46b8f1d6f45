import { h, render } from 'preact';
import type { Measure } from '../core/api/measure-schema.ts';
import { adoptPresentStyles } from '../core/present/adopt-present-styles.ts';
import type { CodeState, CodeWatcher } from './code-state.ts';
import { CreditStatusView } from './credit-status-view.tsx';
import { pageLocale } from './page-locale.ts';
import { VERDICT_EVENT, verdictSignature, type VerdictEventDetail } from './verdict-event.ts';
import { checkContextOf } from './widget-config.ts';
import { widgetStyles } from './widget-styles.ts';

export const CREDIT_STATUS_TAG = 'credit-status';

let panelSeq = 0;

/**
 * Builds the `<credit-status code="…" context="…">` class for one runtime. A thin adapter in the
 * manner of preact-custom-element: observed attributes become props of `CreditStatusView`,
 * rendered into an open shadow root that adopts the shared stylesheet. The element fires
 * `creditlens:verdict` on itself (not bubbling; the runtime announces every code on `document`).
 */
export function createCreditStatusElement(watcher: CodeWatcher, Base: typeof HTMLElement = HTMLElement): typeof HTMLElement {
  return class CreditStatusElement extends Base {
    static observedAttributes = ['code', 'context', 'lang'];

    #state: CodeState | null = null;
    #unwatch: (() => void) | null = null;
    #catalogue: Measure[] | null | undefined = undefined;
    #catalogueContext: string | null = null;
    #expanded = false;
    #announced = '';
    #panelId = `creditlens-panel-${++panelSeq}`;
    #langObserver: MutationObserver | null = null;
    #onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape' && this.#expanded) {
        this.#expanded = false;
        this.#render();
        this.shadowRoot?.querySelector('button')?.focus();
      }
    };

    connectedCallback(): void {
      const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
      adoptPresentStyles(root, widgetStyles);
      this.addEventListener('keydown', this.#onKey);
      const View = this.ownerDocument.defaultView as (Window & typeof globalThis) | null;
      if (View?.MutationObserver && !this.#langObserver) {
        this.#langObserver = new View.MutationObserver(() => this.#render());
        this.#langObserver.observe(this.ownerDocument.documentElement, { attributes: true, attributeFilter: ['lang'] });
      }
      this.#subscribe();
    }

    disconnectedCallback(): void {
      this.#unwatch?.();
      this.#unwatch = null;
      this.#langObserver?.disconnect();
      this.#langObserver = null;
      this.removeEventListener('keydown', this.#onKey);
      if (this.shadowRoot) render(null, this.shadowRoot);
    }

    attributeChangedCallback(name: string, before: string | null, after: string | null): void {
      if (before === after || !this.isConnected) return;
      if (name === 'code') this.#subscribe();
      else this.#render();
    }

    /** The verdict shown now (null before the element is connected with a code). */
    get verdict() {
      return this.#state?.verdict ?? null;
    }

    get expanded(): boolean {
      return this.#expanded;
    }

    set expanded(value: boolean) {
      this.#expanded = Boolean(value);
      this.#render();
    }

    #context() {
      return checkContextOf(this.getAttribute('context')) ?? watcher.config().context;
    }

    #subscribe(): void {
      this.#unwatch?.();
      this.#state = null;
      this.#announced = '';
      const code = this.getAttribute('code') ?? '';
      this.#unwatch = watcher.watch(code, (state) => {
        this.#state = state;
        this.#announce(state);
        this.#render();
      });
    }

    #announce(state: CodeState): void {
      if (state.verdict.kind === 'pending') return;
      const signature = verdictSignature(state.verdict);
      if (signature === this.#announced) return;
      const previous = this.#announced ? (this.#announced.split('|')[0] as VerdictEventDetail['previous']) : null;
      this.#announced = signature;
      const detail: VerdictEventDetail = { code: state.code, verdict: state.verdict, previous, name: state.result?.subject?.name ?? null, result: state.result };
      this.dispatchEvent(new CustomEvent(VERDICT_EVENT, { detail }));
    }

    #loadCatalogue(): void {
      const context = this.#context();
      if (this.#catalogueContext === context) return;
      this.#catalogueContext = context;
      this.#catalogue = undefined;
      void watcher.measures(context).then((measures) => {
        if (this.#catalogueContext !== context) return;
        this.#catalogue = measures;
        this.#render();
      });
    }

    #render(): void {
      const root = this.shadowRoot;
      const state = this.#state;
      if (!root || !state) return;
      if (this.#expanded) this.#loadCatalogue();
      const config = watcher.config();
      render(
        h(CreditStatusView, {
          state,
          context: this.#context(),
          locale: pageLocale(this, config.lang),
          platformUrl: config.platform,
          now: watcher.now(),
          catalogue: this.#catalogue,
          expanded: this.#expanded,
          onToggle: () => {
            this.#expanded = !this.#expanded;
            this.#render();
          },
          panelId: this.#panelId,
        }),
        root,
      );
    }
  };
}

/** Defines `<credit-status>` once per window; a second script tag or bundle copy leaves the first in place. */
export function defineCreditStatus(watcher: CodeWatcher, registry: CustomElementRegistry = customElements, Base: typeof HTMLElement = HTMLElement): boolean {
  if (registry.get(CREDIT_STATUS_TAG)) return false;
  registry.define(CREDIT_STATUS_TAG, createCreditStatusElement(watcher, Base));
  return true;
}
