/**
 * The keyboard path to a code's verdict. Focusing a form field that holds a checked code announces
 * its verdict through a live region in our (closed) shadow root; Alt+Shift+K (documented in the
 * legend) then opens its card and moves focus into it, Tab walks the card's buttons and links, and
 * Esc closes it and gives focus back to the field. The page's own text is never touched.
 */
import type { Overlay } from '../../core/scan/create-overlay.ts';
import { isCodeField } from '../../core/scan/find-form-fields.ts';
import { matchCodes } from '../../core/scan/match-codes.ts';

/** The shortcut: Alt+Shift+K, by key position so keyboard layouts do not matter. */
export const CARD_SHORTCUT = { code: 'KeyK', altKey: true, shiftKey: true } as const;

const HIDDEN: [string, string][] = [
  ['position', 'absolute'],
  ['width', '1px'],
  ['height', '1px'],
  ['overflow', 'hidden'],
  ['clip-path', 'inset(50%)'],
  ['white-space', 'nowrap'],
];

const HINT = { zh: '按 Alt+Shift+K 打开详情，Esc 关闭。', en: 'Press Alt+Shift+K for details, Esc to close.' };

/** Starts announcing and the shortcut in `document`, until `signal` aborts. */
export function startKeyboardAccess(document: Document, overlay: Overlay, signal: AbortSignal): void {
  const live = document.createElement('div');
  live.className = 'cl-live';
  live.setAttribute('role', 'status');
  live.setAttribute('aria-live', 'polite');
  for (const [name, value] of HIDDEN) live.style.setProperty(name, value);
  overlay.shadow.append(live);
  const english = !(document.documentElement.lang || 'zh').toLowerCase().startsWith('zh');
  let returnTo: HTMLElement | null = null;

  /** The badge our overlay drew for the code in `field`, if any. */
  function badgeOf(field: HTMLInputElement | HTMLTextAreaElement): HTMLButtonElement | null {
    const value = field.value.slice(0, 4000);
    const code = matchCodes(value)[0]?.code ?? value.replace(/[\s-]/g, '').toUpperCase();
    return [...overlay.shadow.querySelectorAll<HTMLButtonElement>('button.badge')].find((b) => !b.hidden && b.dataset.code === code) ?? null;
  }

  const focusedField = (): HTMLInputElement | HTMLTextAreaElement | null => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return isCodeField(el) ? el : null;
  };

  document.addEventListener(
    'focusin',
    (event) => {
      const target = event.composedPath()[0];
      if (!isCodeField(target)) return;
      const badge = badgeOf(target);
      if (!badge) return;
      // Emptied first, so the same verdict is read again when the field is focused again.
      live.textContent = '';
      const text = `${badge.getAttribute('aria-label') ?? ''}。${english ? HINT.en : HINT.zh}`;
      setTimeout(() => (live.textContent = text), 50);
    },
    { capture: true, signal },
  );

  document.addEventListener(
    'keydown',
    (event) => {
      if (event.code !== CARD_SHORTCUT.code || !event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return;
      const field = focusedField();
      const badge = field ? badgeOf(field) : null;
      if (!field || !badge) return;
      event.preventDefault();
      returnTo = field;
      // Focusing the badge opens its card; the card then takes focus, so Tab walks its controls.
      badge.focus();
      overlay.card.tabIndex = -1;
      if (!overlay.card.hidden) overlay.card.focus();
    },
    { capture: true, signal },
  );

  overlay.shadow.addEventListener(
    'keydown',
    (event) => {
      const e = event as KeyboardEvent;
      if (e.key !== 'Escape' || !returnTo) return;
      const active = overlay.shadow.activeElement;
      if (!active || !(overlay.card.contains(active) || active === overlay.card || active.classList.contains('badge'))) return;
      // Back to the field it was opened from (the card closes once focus has left it).
      e.stopPropagation();
      const field = returnTo;
      returnTo = null;
      overlay.card.hidden = true;
      field.focus();
    },
    { capture: true, signal },
  );
}
