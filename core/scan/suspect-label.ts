/**
 * The words beside a suspect code's verdict (only its check character is wrong): real codes from
 * the 2015 pilot fail the check, so such a code is queried and shown with its verdict, but a
 * "not listed" answer for it must never read as a confident clear. The words are the glossary's.
 */
import { glossary } from '../present/glossary.ts';

export type SuspectLabelLocale = 'zh-CN' | 'en';

/** The flag's text in `locale`. */
export function suspectLabel(locale: SuspectLabelLocale): string {
  return glossary(locale).suspect.short;
}
