import { glossary } from '../../../core/present/glossary.ts';
import { verdictLabel, type VerdictLocale } from '../../../core/verdict/verdict-labels.ts';
import type { VerdictLook } from '../../../core/verdict/verdict-palette.ts';

export interface VerdictChipProps {
  /** The verdict's look (core/verdict/verdict-look.ts): its kind, or `public` for a clear from the public lists alone. */
  kind: VerdictLook;
  locale: VerdictLocale;
  /** A code with a wrong check character: its verdict stands, but the code itself is doubtful. */
  suspect?: boolean;
}

/**
 * A verdict as symbol plus words (never colour alone); the long label is the accessible
 * description. A suspect code that was not looked up says so, rather than "invalid code".
 */
export function VerdictChip({ kind, locale, suspect = false }: VerdictChipProps) {
  const label = verdictLabel(kind, locale);
  const unchecked = suspect && kind === 'invalid';
  const words = glossary(locale).suspect;
  return (
    <span class={`chip chip-${kind}`} data-verdict={kind} title={unchecked ? words.long : label.long}>
      <span class="chip-symbol" aria-hidden="true">
        {label.symbol}
      </span>
      {unchecked ? words.short : label.short}
      {suspect && !unchecked && <span class="chip-suspect">{`·${words.short}`}</span>}
    </span>
  );
}
