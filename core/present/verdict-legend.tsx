import { verdictLabel, type VerdictLocale } from '../verdict/verdict-labels.ts';
import { VERDICT_PALETTE, type VerdictLook } from '../verdict/verdict-palette.ts';
import { lookName } from './look-name.ts';

export interface VerdictLegendProps {
  locale: VerdictLocale;
  /** Classes of a look's sample (the popup's chips, the page's badges). */
  sampleClass: (look: VerdictLook) => string;
  /** Starts unfolded (the first-run hint). */
  open?: boolean;
  id?: string;
}

const TITLE: Record<VerdictLocale, string> = { 'zh-CN': '图例：标记的含义', en: 'Legend: what the marks mean' };
/** The keyboard path (extension/content/keyboard-access.ts), documented where the marks are explained. */
const KEYS: Record<VerdictLocale, string> = {
  'zh-CN': '键盘：Tab 到代码（或代码输入框）即读出核查结果；在输入框中按 Alt+Shift+K 打开详情，Esc 关闭并回到输入框。',
  en: 'Keyboard: Tab to a code (or a code field) to hear its result; in a field press Alt+Shift+K for its card, Esc to close it and return.',
};

/**
 * What each mark means, folded in a `<details>`: for every look of the one palette (public-only
 * clear included), its sample with symbol and words, what it means and what to do. Symbols and
 * words tell the looks apart without colour.
 */
export function VerdictLegend({ locale, sampleClass, open = false, id }: VerdictLegendProps) {
  const looks = Object.keys(VERDICT_PALETTE) as VerdictLook[];
  return (
    <details class="cl-legend" part="legend" open={open} id={id} data-testid="legend">
      <summary>{TITLE[locale]}</summary>
      <ul class="cl-legend-list">
        {looks.map((look) => {
          const label = verdictLabel(look, locale);
          const { symbol, name } = lookName(look, locale);
          return (
            <li key={look} class="cl-legend-item" data-look={look}>
              <span class={sampleClass(look)}>
                <span aria-hidden="true">{symbol}</span> {name}
              </span>
              <span class="cl-legend-text">{locale === 'en' ? `${label.long}. ${label.action}` : `${label.long}。${label.action}`}</span>
            </li>
          );
        })}
      </ul>
      <p class="cl-legend-keys">{KEYS[locale]}</p>
    </details>
  );
}
