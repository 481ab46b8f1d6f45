import { badgeText } from '../../core/present/badge-text.ts';
import type { PresentLocale } from '../../core/present/present-locale.ts';
import { badgeWords, VerdictBadge } from '../../core/present/verdict-badge.tsx';
import { formatAge } from '../../core/verdict/verdict-labels.ts';
import { verdictWords } from '../../core/verdict/verdict-words.ts';
import { verdictLook } from '../../core/verdict/verdict-look.ts';
import type { CodeState } from '../contract/code-watcher.ts';

export interface CreditStatusToggleProps {
  state: CodeState;
  locale: PresentLocale;
  expanded: boolean;
  onToggle: () => void;
  panelId: string;
  /** The name the page shows beside the code differs from the registered one: said on the badge and in the label. */
  nameMismatch: boolean;
}

/** The accessible name of the toggle: the long verdict, the name and code, and the age when stale. */
export function statusLabel(state: CodeState, locale: PresentLocale): string {
  const { verdict, result, code } = state;
  const zh = locale === 'zh-CN';
  const parts = [`${zh ? '信用状态' : 'Credit status'}${zh ? '：' : ': '}${verdictWords(verdictLook(verdict), locale).long}`];
  const name = result?.subject?.name;
  if (name) parts.push(name);
  parts.push(code);
  if (verdict.stale && verdict.ageMs !== null) parts.push(formatAge(verdict.ageMs, locale));
  return parts.join(zh ? '，' : ', ');
}

/**
 * A `<credit-status>`'s always-present part: the compact badge as a button that opens the card
 * (the card itself, `credit-status-panel.tsx`, loads with the rest of the widget on first open).
 */
export function CreditStatusToggle({ state, locale, expanded, onToggle, panelId, nameMismatch }: CreditStatusToggleProps) {
  const label = statusLabel(state, locale);
  const full = nameMismatch ? `${label}${locale === 'zh-CN' ? '，' : ', '}${badgeText(locale).nameMismatch}` : label;
  // The name starts with the badge's visible words (WCAG 2.5.3), then says the rest.
  const name = state.result?.subject?.name ?? null;
  const visible = badgeWords(state.verdict, locale, name, nameMismatch);
  return (
    <button
      type="button"
      class="cl-toggle"
      part="toggle"
      aria-expanded={expanded ? 'true' : 'false'}
      aria-controls={panelId}
      aria-label={`${visible}${locale === 'zh-CN' ? '，' : ', '}${full}`}
      onClick={onToggle}
    >
      <VerdictBadge verdict={state.verdict} name={name} locale={locale} nameMismatch={nameMismatch} />
    </button>
  );
}
