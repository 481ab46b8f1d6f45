import { presentLocale, type PresentLocale } from '../../core/present/present-locale.ts';

/** The locale an element speaks: a forced one, else the nearest `lang` (its own, an ancestor's, the page's). */
export function pageLocale(element: Element, forced: string | null): PresentLocale {
  if (forced) return presentLocale(forced);
  const own = element.closest('[lang]')?.getAttribute('lang');
  return presentLocale(own ?? element.ownerDocument.documentElement.getAttribute('lang'));
}
