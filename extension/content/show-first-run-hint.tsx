/**
 * The first-run hint on the page (issue 14): the first time the extension marks codes, a small
 * note in the bottom-right corner of the top frame, inside our closed overlay (the page can
 * neither read nor drive it), says what was marked and offers the legend; a close button. It is
 * at most 320×80 px until its legend is opened, takes the pointer only on itself, and goes away by
 * itself once a card is opened. Closed, legend opened or card opened: it never shows again
 * (`firstRunHintItem`).
 */
import { render } from 'preact';
import { VerdictLegend } from '../../core/present/verdict-legend.tsx';
import type { PresentLocale } from '../../core/present/present-locale.ts';
import type { Overlay } from '../../core/scan/create-overlay.ts';
import { VERDICT_PALETTE, type VerdictLook } from '../../core/verdict/verdict-palette.ts';

export interface FirstRunHintStore {
  dismissed(): Promise<boolean>;
  dismiss(): Promise<void>;
}

const WORDS: Record<PresentLocale, { text: string; legend: string; close: string; region: string }> = {
  'zh-CN': { text: '信用透镜已标出本页的统一社会信用代码。', legend: '查看图例', close: '关闭提示', region: '信用透镜提示' },
  en: { text: 'CreditLens has marked the credit codes on this page.', legend: 'Show legend', close: 'Close hint', region: 'CreditLens hint' },
};

const samples = (Object.entries(VERDICT_PALETTE) as Array<[VerdictLook, (typeof VERDICT_PALETTE)[VerdictLook]]>)
  .map(([look, s]) => `.hint-sample-${look} { background: ${s.ground}; color: ${s.onGround}; border: 1px ${s.border} ${s.ink}; }`)
  .join('\n');

const HINT_CSS = `
.first-run-hint { position: fixed; right: 12px; bottom: 12px; box-sizing: border-box; width: 320px; max-width: calc(100vw - 24px);
  max-height: 80px; overflow: hidden; pointer-events: auto; display: flex; gap: 6px; align-items: flex-start; padding: 8px 10px;
  background: #fff; color: #1b1b1b; border: 1px solid #1a56db; border-radius: 6px; box-shadow: 0 2px 8px rgba(0,0,0,.2);
  font: 12px/1.5 system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; text-align: left; }
.first-run-hint[data-legend] { max-height: min(60vh, 420px); overflow: auto; flex-direction: column; }
.first-run-hint p { margin: 0; flex: 1; }
.first-run-hint button { font: inherit; cursor: pointer; border-radius: 3px; }
.first-run-hint .hint-legend { border: 0; background: none; color: #1a56db; text-decoration: underline; padding: 0; }
.first-run-hint .hint-close { border: 1px solid #5f6368; background: #fff; color: #1b1b1b; padding: 0 6px; line-height: 18px; }
.first-run-hint button:focus-visible { outline: 2px solid #1a56db; outline-offset: 1px; }
.first-run-hint .cl-legend-list { margin: 4px 0; padding: 0; list-style: none; }
.first-run-hint .cl-legend-item { display: flex; gap: 6px; margin: 2px 0; }
.first-run-hint [class^="hint-sample-"] { white-space: nowrap; border-radius: 3px; padding: 0 4px; font-weight: bold; }
.first-run-hint .cl-legend-keys { margin: 4px 0 0; }
/* Never on paper: a page printed for the file (a check record) carries no hint of ours. */
@media print { .first-run-hint { display: none !important; } }
${samples}
`;

export interface FirstRunHintOptions {
  document: Document;
  overlay: Overlay;
  signal: AbortSignal;
  store: FirstRunHintStore;
  locale: PresentLocale;
}

/** Shows the hint unless it was dismissed before; resolves once it is shown or known not to be. */
export async function showFirstRunHint({ document, overlay, signal, store, locale }: FirstRunHintOptions): Promise<void> {
  if (signal.aborted || (await store.dismissed().catch(() => true)) || signal.aborted) return;
  const words = WORDS[locale];
  const style = document.createElement('style');
  style.textContent = HINT_CSS;
  const hint = document.createElement('section');
  hint.className = 'first-run-hint';
  hint.setAttribute('aria-label', words.region);
  // Before the card: an opened card lies over the hint, never under it.
  overlay.shadow.insertBefore(style, overlay.card);
  overlay.shadow.insertBefore(hint, overlay.card);
  const observer = new (document.defaultView as Window & typeof globalThis).MutationObserver(() => {
    if (!overlay.card.hidden) close();
  });
  function remove(): void {
    observer.disconnect();
    render(null, hint);
    hint.remove();
    style.remove();
  }
  function close(): void {
    remove();
    void store.dismiss().catch(() => undefined);
  }
  function showLegend(): void {
    void store.dismiss().catch(() => undefined);
    hint.dataset.legend = '';
    draw(true);
  }
  function draw(legend: boolean): void {
    render(
      <>
        {legend ? (
          <VerdictLegend locale={locale} sampleClass={(look) => `hint-sample-${look}`} open />
        ) : (
          <p>
            {words.text}
            <button type="button" class="hint-legend" onClick={showLegend}>
              {words.legend}
            </button>
          </p>
        )}
        <button type="button" class="hint-close" aria-label={words.close} onClick={close}>
          ×
        </button>
      </>,
      hint,
    );
  }
  draw(false);
  observer.observe(overlay.card, { attributes: true, attributeFilter: ['hidden'] });
  signal.addEventListener('abort', remove, { once: true });
}
