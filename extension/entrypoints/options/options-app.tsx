import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { MessageError } from '../../messaging/result.ts';
import type { sendChecked } from '../../messaging/send-checked.ts';
import { errorKindText, t } from '../../locale/translate.ts';
import type { ManagedKey } from '../../settings/managed-policy.ts';
import { DEFAULT_MAX_CODES_PER_MINUTE, type SettingsView } from '../../settings/settings-schema.ts';
import { originPatternOf } from '../../settings/to-match-pattern.ts';
import { LockedNote } from './locked-note.tsx';
import { PlatformSection } from './platform-section.tsx';
import { PlatformsSection } from './platforms-section.tsx';
import { formFromView, patchFromForm, type SettingsForm } from './settings-form.ts';
import { SitesSection } from './sites-section.tsx';

export interface OptionsAppProps {
  send: typeof sendChecked;
  /** Keys set by enterprise policy (read from `storage.managed`). */
  readLocked: () => Promise<ManagedKey[]>;
  builtInSites: string[];
  requestOrigins: (origins: string[]) => Promise<boolean>;
  removeOrigins: (origins: string[]) => Promise<unknown>;
  hasAccess: (origins: string[]) => Promise<boolean>;
}

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; text: string };

/** The options page: platform, token, sites and freshness; policy-set fields are shown locked. */
export function OptionsApp({ send, readLocked, builtInSites, requestOrigins, removeOrigins, hasAccess }: OptionsAppProps) {
  const [view, setView] = useState<SettingsView | null>(null);
  const [locked, setLocked] = useState<ManagedKey[]>([]);
  const [form, setForm] = useState<SettingsForm | null>(null);
  const [loadError, setLoadError] = useState<MessageError | null>(null);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });

  useEffect(() => {
    void Promise.all([send('getSettings', undefined), readLocked()]).then(([result, keys]) => {
      setLocked(keys);
      if (!result.ok) return setLoadError(result.error);
      setView(result.value);
      setForm(formFromView(result.value));
    });
  }, [send, readLocked]);

  if (loadError)
    return (
      <Shell>
        <p role="alert" class="error">
          {t('settingsLoadFailed', errorKindText(loadError.kind))}
        </p>
      </Shell>
    );
  if (!form || !view)
    return (
      <Shell>
        <p role="status">{t('loading')}</p>
      </Shell>
    );

  const change = (patch: Partial<SettingsForm>) => {
    setForm({ ...form, ...patch });
    setSave({ kind: 'idle' });
  };

  function submit(event: Event) {
    event.preventDefault();
    const built = patchFromForm(form!, locked);
    if (!built.ok) return setSave({ kind: 'failed', text: t(`formProblem_${built.problem}`) });
    const { patch } = built;
    // The background fetches the platform: ask for its origin now, inside the click's gesture.
    const urls = [patch.platformUrl, ...(patch.platforms ?? []).map((p) => p.url)].filter((url): url is string => !!url);
    const access = urls.length > 0 ? requestOrigins([...new Set(urls.map(originPatternOf))]).catch(() => false) : Promise.resolve(true);
    setSave({ kind: 'saving' });
    void access.then(async (granted) => {
      const result = await send('saveSettings', patch);
      if (!result.ok) return setSave({ kind: 'failed', text: t('saveFailed', [errorKindText(result.error.kind), result.error.message]) });
      setView(result.value);
      setForm(formFromView(result.value));
      setSave(granted ? { kind: 'saved' } : { kind: 'failed', text: t('platformAccessDenied') });
    });
  }

  const freshnessLocked = locked.includes('freshnessMinutes');
  const maxCodesLocked = locked.includes('maxCodesPerMinute');
  return (
    <Shell>
      {locked.length > 0 && (
        <p class="notice" data-testid="policy-notice">
          {t('policyInForce')}
        </p>
      )}
      <form onSubmit={submit} noValidate>
        <PlatformSection form={form} hasToken={view.hasToken} locked={locked} onChange={change} send={send} />
        <PlatformsSection
          rows={form.platforms}
          platformUrl={form.platformUrl}
          hasToken={view.hasToken}
          locked={locked.includes('platforms')}
          onChange={(platforms) => change({ platforms })}
        />
        <SitesSection
          sites={form.sites}
          builtIn={builtInSites}
          locked={locked.includes('sites')}
          onChange={(sites) => change({ sites })}
          requestOrigins={requestOrigins}
          removeOrigins={removeOrigins}
          hasAccess={hasAccess}
        />
        <fieldset>
          <legend>{t('identityLegend')}</legend>
          <label for="operator">{t('operatorLabel')}</label>
          <input
            id="operator"
            type="text"
            maxLength={100}
            autocomplete="name"
            value={form.operator ?? ''}
            aria-describedby="operator-hint"
            onInput={(e) => change({ operator: e.currentTarget.value })}
          />
          <p class="hint" id="operator-hint">
            {t('operatorHint')}
          </p>
        </fieldset>
        <fieldset>
          <legend>{t('freshnessLegend')}</legend>
          <label for="freshness">{t('freshnessLabel')}</label>
          <input
            id="freshness"
            type="number"
            min="0.05"
            max="1440"
            step="any"
            value={form.freshnessMinutes}
            disabled={freshnessLocked}
            aria-describedby={freshnessLocked ? 'freshness-locked' : 'freshness-hint'}
            onInput={(e) => change({ freshnessMinutes: e.currentTarget.value })}
          />
          {freshnessLocked ? (
            <LockedNote id="freshness-locked" />
          ) : (
            <p class="hint" id="freshness-hint">
              {t('freshnessHint')}
            </p>
          )}
          <label for="max-codes">{t('maxCodesLabel')}</label>
          <input
            id="max-codes"
            type="number"
            min="10"
            max="100000"
            step="1"
            value={form.maxCodesPerMinute ?? String(view.maxCodesPerMinute ?? DEFAULT_MAX_CODES_PER_MINUTE)}
            disabled={maxCodesLocked}
            aria-describedby={maxCodesLocked ? 'max-codes-locked' : 'max-codes-hint'}
            onInput={(e) => change({ maxCodesPerMinute: e.currentTarget.value })}
          />
          {maxCodesLocked ? (
            <LockedNote id="max-codes-locked" />
          ) : (
            <p class="hint" id="max-codes-hint">
              {t('maxCodesHint')}
            </p>
          )}
        </fieldset>
        <div class="row">
          <button type="submit" disabled={save.kind === 'saving'}>
            {t('save')}
          </button>
          <span role="status" aria-live="polite" data-testid="save-status" class={save.kind === 'failed' ? 'error' : 'ok'}>
            {save.kind === 'saved' ? t('saved') : save.kind === 'failed' ? save.text : save.kind === 'saving' ? t('saving') : ''}
          </span>
        </div>
      </form>
    </Shell>
  );
}

function Shell({ children }: { children: ComponentChildren }) {
  return (
    <div class="options">
      <header class="bar">
        <h1>{t('optionsTitle')}</h1>
      </header>
      <main>{children}</main>
    </div>
  );
}
