import { verdictLabel, type VerdictLocale } from '../../../core/verdict/verdict-labels.ts';
import type { VerdictKind } from '../../messaging/protocol.ts';
import { t } from '../../locale/translate.ts';

export interface VerdictChipProps {
  kind: VerdictKind;
  locale: VerdictLocale;
  /** A code with a wrong check character: its verdict stands, but the code itself is doubtful. */
  suspect?: boolean;
}

/** A verdict as symbol plus words (never colour alone); the long label is the accessible description. */
export function VerdictChip({ kind, locale, suspect = false }: VerdictChipProps) {
  const label = verdictLabel(kind, locale);
  return (
    <span class={`chip chip-${kind}`} data-verdict={kind} title={label.long}>
      <span class="chip-symbol" aria-hidden="true">
        {label.symbol}
      </span>
      {label.short}
      {suspect && <span class="chip-suspect">{t('suspectQualifier')}</span>}
    </span>
  );
}
