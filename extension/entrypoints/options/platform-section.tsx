import { useState } from 'preact/hooks';
import type { ConnectionReport } from '../../messaging/protocol.ts';
import type { MessageError } from '../../messaging/result.ts';
import type { sendChecked } from '../../messaging/send-checked.ts';
import { publicOnlyNote } from '../../../core/present/public-only-note.ts';
import { errorKindText, t, uiLocale } from '../../locale/translate.ts';
import type { ManagedKey } from '../../settings/managed-policy.ts';
import { LockedNote } from './locked-note.tsx';
import type { SettingsForm } from './settings-form.ts';

export interface PlatformSectionProps {
  form: SettingsForm;
  hasToken: boolean;
  locked: ManagedKey[];
  onChange: (patch: Partial<SettingsForm>) => void;
  send: typeof sendChecked;
}

/** Platform URL and token, and "test connection" with what is typed (before it is saved). */
export function PlatformSection({ form, hasToken, locked, onChange, send }: PlatformSectionProps) {
  const [testing, setTesting] = useState(false);
  const [report, setReport] = useState<ConnectionReport | null>(null);
  const [error, setError] = useState<MessageError | null>(null);
  const urlLocked = locked.includes('platformUrl');
  const tokenLocked = locked.includes('token');

  async function test() {
    setTesting(true);
    setReport(null);
    setError(null);
    const token = tokenLocked ? undefined : form.token !== '' ? form.token : form.clearToken ? null : undefined;
    const result = await send('testConnection', {
      ...(!urlLocked && { platformUrl: form.platformUrl.trim() }),
      ...(token !== undefined && { token }),
    });
    setTesting(false);
    if (result.ok) setReport(result.value);
    else setError(result.error);
  }

  return (
    <fieldset>
      <legend>{t('platformLegend')}</legend>
      {!hasToken && (
        <p class="notice public-only" role="note" data-testid="public-only-notice">
          {publicOnlyNote(uiLocale())}
        </p>
      )}
      <label for="platform-url">{t('platformUrlLabel')}</label>
      <input
        id="platform-url"
        type="url"
        value={form.platformUrl}
        disabled={urlLocked}
        aria-describedby={urlLocked ? 'platform-url-locked' : undefined}
        onInput={(e) => onChange({ platformUrl: e.currentTarget.value })}
      />
      {urlLocked && <LockedNote id="platform-url-locked" />}
      <label for="platform-token">{t('tokenLabel')}</label>
      <input
        id="platform-token"
        type="password"
        autocomplete="off"
        value={form.token}
        disabled={tokenLocked}
        placeholder={hasToken ? t('tokenSavedPlaceholder') : t('tokenEmptyPlaceholder')}
        aria-describedby={tokenLocked ? 'platform-token-locked' : 'platform-token-hint'}
        onInput={(e) => onChange({ token: e.currentTarget.value, clearToken: false })}
      />
      {tokenLocked ? (
        <LockedNote id="platform-token-locked" />
      ) : (
        <p class="hint" id="platform-token-hint">
          {t('tokenHint')}
          {hasToken && (
            <label class="inline">
              <input type="checkbox" checked={form.clearToken} onChange={(e) => onChange({ clearToken: e.currentTarget.checked, token: '' })} />
              {t('tokenClear')}
            </label>
          )}
        </p>
      )}
      <div class="row">
        <button type="button" onClick={test} disabled={testing}>
          {t('testConnection')}
        </button>
        <span role="status" aria-live="polite" data-testid="connection-status">
          {testing && t('testing')}
          {report && <ConnectionSummary report={report} />}
          {error && <span class="error">{t('connectionFailed', [errorKindText(error.kind), connectionDetail(error)])}</span>}
        </span>
      </div>
    </fieldset>
  );
}

/** What the failure's message adds to its kind's words: nothing for the kinds whose words say it all, so the line does not repeat itself. */
function connectionDetail(error: MessageError): string {
  return ['offline', 'timeout', 'auth', 'not-found'].includes(error.kind) ? '' : error.message;
}

function ConnectionSummary({ report }: { report: ConnectionReport }) {
  const token =
    report.tokenAccepted === null
      ? t('tokenNotTested')
      : report.tokenAccepted
        ? report.department
          ? t('tokenAcceptedFor', report.department)
          : t('tokenAccepted')
        : t('tokenRefused');
  return (
    <span class={report.tokenAccepted === false ? 'error' : 'ok'} data-token={String(report.tokenAccepted)}>
      {t('connectionOk', [report.platform, report.apiVersion, report.latencyMs])} {token}{' '}
      {report.anonymousReads ? t('anonymousReadsOn') : t('anonymousReadsOff')}
    </span>
  );
}
