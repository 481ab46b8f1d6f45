import { formatAge } from '../verdict/verdict-labels.ts';
import { verdictWords } from '../verdict/verdict-words.ts';
import { verdictLook } from '../verdict/verdict-look.ts';
import type { Verdict } from '../verdict/verdict-types.ts';
import { badgeText } from './badge-text.ts';
import type { PresentLocale } from './present-locale.ts';
import { DATA_LANG } from './data-lang.ts';

export interface VerdictBadgeProps {
  verdict: Verdict;
  /** The registered name, shown after the verdict when known (not in compact mode). */
  name?: string | null;
  locale: PresentLocale;
  /** Symbol and short label only: for dense tables and inline marks. */
  compact?: boolean;
  /** The name the page shows differs from the registered one (三要素): adds "⚠ 名称与代码不符". */
  nameMismatch?: boolean;
}

/** The qualifier after the short label, or null: it tells a disputed entry, a suspect code and a public-only answer apart from their plain kinds. */
export function badgeQualifier(verdict: Verdict, locale: PresentLocale): string | null {
  const text = badgeText(locale);
  if (verdict.kind === 'disputed') return text.disputedQualifier;
  if (verdict.reason.code === 'suspect-code') return text.suspectQualifier;
  if (verdict.reason.code === 'nothing-active-public') return text.publicOnlyQualifier;
  return null;
}

/**
 * The words a badge shows, exactly as its text reads (symbol, label, qualifier, name, mismatch,
 * age), computed rather than read back from the DOM: an accessible name can start with them
 * (WCAG 2.5.3) without the widget's script tag carrying preact/hooks.
 */
export function badgeWords(verdict: Verdict, locale: PresentLocale, name: string | null = null, nameMismatch = false): string {
  const label = verdictWords(verdictLook(verdict), locale);
  const qualifier = badgeQualifier(verdict, locale);
  const age = verdict.stale && verdict.ageMs !== null ? formatAge(verdict.ageMs, locale) : '';
  const words = [
    label.symbol,
    label.short,
    qualifier === null ? '' : locale === 'en' ? ` · ${qualifier}` : `·${qualifier}`,
    name ?? '',
    nameMismatch ? `⚠ ${badgeText(locale).nameMismatch}` : '',
    age,
  ];
  return words.join('').trim();
}

/**
 * One verdict as a symbol plus words, never colour alone, with the answer's age when it is stale.
 * Unknown has its own symbol and dashed outline so it can never pass for clear, and a clear answer
 * from the public lists only has its own grey look (verdict-look.ts). Platform text (the name) is a
 * text node marked `lang={DATA_LANG}`, so English pages do not render it with Japanese glyphs; it is
 * never cut short.
 */
export function VerdictBadge({ verdict, name, locale, compact = false, nameMismatch = false }: VerdictBadgeProps) {
  const look = verdictLook(verdict);
  const label = verdictWords(look, locale);
  const qualifier = badgeQualifier(verdict, locale);
  const age = verdict.stale && verdict.ageMs !== null ? formatAge(verdict.ageMs, locale) : null;
  return (
    <span
      class={`cl-badge cl-${verdict.kind}${look !== verdict.kind ? ` cl-${look}` : ''}${compact ? ' cl-compact' : ''}${verdict.stale ? ' cl-stale' : ''}${nameMismatch ? ' cl-name-mismatch' : ''}`}
      part={`badge badge-${verdict.kind}`}
      data-verdict={verdict.kind}
      data-look={look}
      data-name-mismatch={nameMismatch ? 'true' : undefined}
      title={label.long}
    >
      <span class="cl-symbol" part="symbol" aria-hidden="true">
        {label.symbol}
      </span>
      <span class="cl-label" part="label">
        {label.short}
        {qualifier !== null && <span class="cl-qualifier">{locale === 'en' ? ` · ${qualifier}` : `·${qualifier}`}</span>}
      </span>
      {!compact && name ? (
        <span class="cl-name" part="name" lang={DATA_LANG}>
          {name}
        </span>
      ) : null}
      {nameMismatch && (
        <span class="cl-mismatch" part="name-mismatch">
          {`⚠ ${badgeText(locale).nameMismatch}`}
        </span>
      )}
      {age !== null && (
        <span class="cl-age" part="age">
          {age}
        </span>
      )}
    </span>
  );
}
