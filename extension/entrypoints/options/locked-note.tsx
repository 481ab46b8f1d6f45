import { t } from '../../locale/translate.ts';

/** Says a field is set by the IT department's policy (and so disabled), in words, not only by a greyed control. */
export function LockedNote({ id }: { id: string }) {
  return (
    <p class="locked-note" id={id} data-testid="locked-note">
      <span aria-hidden="true">🔒 </span>
      {t('lockedByPolicy')}
    </p>
  );
}
