import { h, render } from 'preact';
import { adoptStyleSheet } from '../../core/present/adopt-style-sheet.ts';
import { badgeStyles } from '../../core/present/badge-styles.ts';
import type { CodeState, CodeWatcher, CreditStatusPanel } from '../contract/code-watcher.ts';
import { CreditStatusToggle } from './credit-status-toggle.tsx';
import { pageLocale } from './page-locale.ts';
import { nameMatchesOf, verdictEvent, verdictSignature, type VerdictEventDetail } from '../contract/verdict-event.ts';
import { checkContextOf } from '../contract/widget-config.ts';
import { widgetStyles } from './widget-styles.ts';

export const CREDIT_STATUS_TAG = 'credit-status';

let panelSeq = 0;

/**
 * Builds the `<credit-status code="…" context="…">` class for one runtime. A thin adapter in the
 * manner of preact-custom-element: observed attributes become props of `CreditStatusToggle`,
 * rendered into an open shadow root that adopts the badge's stylesheet. The open card
 * (`createCreditStatusPanel`) loads with the rest of the widget the first time it is asked for.
 * The element fires `creditlens:verdict` on itself (not bubbling; the runtime announces every
 * code on `document`).
 */
export function createCreditStatusElement(watcher: CodeWatcher, Base: typeof HTMLElement = HTMLElement): typeof HTMLElement {
  return class CreditStatusElement extends Base {
    static observedAttributes = ['code', 'context', 'lang', 'name'];

    #state: CodeState | null = null;
    #unwatch: (() => void) | null = null;
    #expanded = false;
    #announced = '';
    #panelId = `creditlens-panel-${++panelSeq}`;
    #langObserver: MutationObserver | null = null;
    #toggleRoot: HTMLElement | null = null;
    #panelRoot: HTMLElement | null = null;
    #panel: CreditStatusPanel | null = null;
    #onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape' && this.#expanded) {
        this.#expanded = false;
        this.#render();
        this.shadowRoot?.querySelector('button')?.focus();
      }
    };

    connectedCallback(): void {
      const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
      adoptStyleSheet(root, badgeStyles + widgetStyles);
      if (!this.#toggleRoot) {
        // Two containers, each drawn by one renderer: the badge now, the card when it has loaded.
        this.#toggleRoot = this.ownerDocument.createElement('span');
        this.#panelRoot = this.ownerDocument.createElement('div');
        root.append(this.#toggleRoot, this.#panelRoot);
      }
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
      this.#panel?.destroy();
      this.#panel = null;
      if (this.#toggleRoot) render(null, this.#toggleRoot);
      this.shadowRoot?.replaceChildren();
      this.#toggleRoot = null;
      this.#panelRoot = null;
    }

    attributeChangedCallback(name: string, before: string | null, after: string | null): void {
      if (before === after || !this.isConnected) return;
      if (name === 'code') this.#subscribe();
      else {
        if (name === 'name') watcher.setPageName(this.#state?.code ?? '', after);
        this.#render();
      }
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
      this.#panel?.destroy();
      this.#panel = null;
      const code = this.getAttribute('code') ?? '';
      this.#unwatch = watcher.watch(code, (state) => {
        if (this.hasAttribute('name')) watcher.setPageName(state.code, this.getAttribute('name'));
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
      const name = state.result?.subject?.name ?? null;
      const pageName = this.#pageName();
      this.dispatchEvent(
        verdictEvent({ code: state.code, verdict: state.verdict, previous, name, result: state.result, pageName, nameMatches: nameMatchesOf(pageName, name) }),
      );
    }

    #pageName(): string | null {
      return this.getAttribute('name')?.trim() || (this.#state ? watcher.pageName(this.#state.code) : null);
    }

    #render(): void {
      const state = this.#state;
      if (!this.#toggleRoot || !state) return;
      const config = watcher.config();
      const locale = pageLocale(this, config.lang);
      const pageName = this.#pageName();
      render(
        h(CreditStatusToggle, {
          state,
          locale,
          expanded: this.#expanded,
          onToggle: () => {
            this.#expanded = !this.#expanded;
            // Opening the card shows the answer again: one past the freshness window is asked again.
            if (this.#expanded) watcher.refreshStale([state.code]);
            this.#render();
          },
          panelId: this.#panelId,
          nameMismatch: nameMatchesOf(pageName, state.result?.subject?.name ?? null) === false,
        }),
        this.#toggleRoot,
      );
      if (!this.#expanded) {
        if (this.#panel) this.#panel.render(null);
        else this.#panelRoot!.replaceChildren();
        return;
      }
      const view = { state, context: this.#context(), locale, platformUrl: config.platform, now: watcher.now(), panelId: this.#panelId, pageName };
      if (this.#panel) return this.#panel.render(view);
      const panelRoot = this.#panelRoot!;
      panelRoot.setAttribute('aria-busy', 'true');
      void watcher.more().then(
        (more) => {
          panelRoot.removeAttribute('aria-busy');
          if (!this.isConnected || panelRoot !== this.#panelRoot) return;
          this.#panel ??= more.createCreditStatusPanel(watcher, panelRoot);
          this.#render();
        },
        (error: unknown) => {
          panelRoot.removeAttribute('aria-busy');
          console.error('[CreditLens] the card could not be loaded', error);
          if (this.#expanded) panelRoot.textContent = locale === 'zh-CN' ? '详情暂时无法加载。' : 'The details could not be loaded.';
        },
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
