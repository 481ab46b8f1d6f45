import { h, render } from 'preact';
import type { FeedbackRecord } from '../core/api/feedback-schema.ts';
import type { Measure } from '../core/api/measure-schema.ts';
import { adoptPresentStyles } from '../core/present/adopt-present-styles.ts';
import type { CodeState, CodeWatcher } from './code-state.ts';
import { CreditStatusView, type CardLoop } from './credit-status-view.tsx';
import { pageLocale } from './page-locale.ts';
import { nameMatchesOf, VERDICT_EVENT, verdictSignature, type VerdictEventDetail } from './verdict-event.ts';
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
    static observedAttributes = ['code', 'context', 'lang', 'name'];

    #state: CodeState | null = null;
    #unwatch: (() => void) | null = null;
    #catalogue: Measure[] | null | undefined = undefined;
    #catalogueContext: string | null = null;
    #expanded = false;
    #announced = '';
    #panelId = `creditlens-panel-${++panelSeq}`;
    #langObserver: MutationObserver | null = null;
    #unlisten: (() => void) | null = null;
    #given: FeedbackRecord[] | null | 'unavailable' = null;
    #givenFor: string | null = null;
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
      this.#unlisten?.();
      this.#unlisten = null;
      this.#langObserver?.disconnect();
      this.#langObserver = null;
      this.removeEventListener('keydown', this.#onKey);
      if (this.shadowRoot) render(null, this.shadowRoot);
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
      const code = this.getAttribute('code') ?? '';
      this.#givenFor = null;
      this.#unlisten?.();
      this.#unlisten = null;
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
      const detail: VerdictEventDetail = { code: state.code, verdict: state.verdict, previous, name, result: state.result, pageName, nameMatches: nameMatchesOf(pageName, name) };
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

    #pageName(): string | null {
      return this.getAttribute('name')?.trim() || (this.#state ? watcher.pageName(this.#state.code) : null);
    }

    /** Feedback and objections for the expanded card, when an identity (operator + token) is configured. */
    #loop(code: string): CardLoop | null {
      const config = watcher.config();
      const runtime = watcher.feedback();
      if (!runtime || !config.operator || (!config.token && !config.tokenProvider)) return null;
      if (!this.#unlisten) {
        let waiting = runtime.queued(code).length;
        this.#unlisten = runtime.listen(() => {
          const now = runtime.queued(code).length;
          // Something for this code reached the platform: what was given has changed.
          if (now < waiting) this.#givenFor = null;
          waiting = now;
          this.#render();
        });
      }
      const caseReference = watcher.caseReference();
      if (this.#givenFor !== caseReference) this.#loadGiven(code, caseReference);
      return {
        reporter: config.department ? `${config.operator}（${config.department}）` : config.operator,
        caseReference,
        onCaseReferenceChange: (value) => {
          watcher.setCaseReference(value);
          this.#render();
        },
        queued: runtime.queued(code),
        given: this.#given,
        onSubmit: async (drafts) => {
          const context = this.#context();
          for (const draft of drafts) await runtime.enqueue({ ...draft, operator: config.operator, context });
        },
        onRetry: (key) => runtime.retry(key),
        onDiscard: (key) => runtime.discard(key),
        objection: (request) => runtime.objection(request),
        onObjectionAccepted: () => void watcher.invalidate([code]),
      };
    }

    #loadGiven(code: string, caseReference: string): void {
      this.#givenFor = caseReference;
      this.#given = null;
      void watcher.feedback()?.given(code, caseReference).then((given) => {
        if (this.#givenFor !== caseReference) return;
        this.#given = given;
        this.#render();
      });
    }

    #render(): void {
      const root = this.shadowRoot;
      const state = this.#state;
      if (!root || !state) return;
      if (this.#expanded) this.#loadCatalogue();
      const config = watcher.config();
      const pageName = this.#pageName();
      const registered = state.result?.subject?.name ?? null;
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
          pageName,
          nameMismatch: nameMatchesOf(pageName, registered) === false,
          loop: this.#expanded ? this.#loop(state.code) : null,
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
