/**
 * The words beside a suspect code's verdict (only its check character is wrong): real codes from
 * the 2015 pilot fail the check, so such a code is queried and shown with its verdict, but a
 * "not listed" answer for it must never read as a confident clear.
 */
export type SuspectLabelLocale = 'zh-CN' | 'en';

const LABELS: Record<SuspectLabelLocale, string> = {
  'zh-CN': '校验位可疑',
  en: 'check character looks wrong',
};

/** The flag's text in `locale`. */
export function suspectLabel(locale: SuspectLabelLocale): string {
  return LABELS[locale];
}
