import { compareNames } from '../names/compare-names.ts';
import { badgeText } from './badge-text.ts';
import { formText } from './form-text.ts';
import type { PresentLocale } from './present-locale.ts';

export interface NameMismatchNoticeProps {
  /** The name the page shows beside the code. */
  pageName: string | null | undefined;
  /** The name the platform has registered for the code. */
  registeredName: string | null | undefined;
  locale: PresentLocale;
}

/** Says so when the name on the page is not the code's registered name (三要素); renders nothing otherwise. */
export function NameMismatchNotice({ pageName, registeredName, locale }: NameMismatchNoticeProps) {
  if (compareNames(pageName, registeredName) !== 'mismatch') return null;
  const t = formText(locale);
  return (
    <p class="cl-mismatch-notice" part="name-mismatch" role="note">
      <strong>{`⚠ ${badgeText(locale).nameMismatch}`}</strong>
      {locale === 'en' ? ' ' : '：'}
      {t.nameMismatchDetail(pageName!, registeredName!)}
    </p>
  );
}
