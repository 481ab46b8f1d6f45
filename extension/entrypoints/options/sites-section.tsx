import { useEffect, useState } from 'preact/hooks';
import { CHECK_CONTEXTS, type CheckContext } from '../../../core/api/check-context-schema.ts';
import { glossary } from '../../../core/present/glossary.ts';
import { t, uiLocale } from '../../locale/translate.ts';
import type { SiteRule } from '../../settings/settings-schema.ts';
import { toMatchPattern } from '../../settings/to-match-pattern.ts';
import { LockedNote } from './locked-note.tsx';

export interface SitesSectionProps {
  sites: SiteRule[];
  /** Sites the extension covers without asking (the manifest's host permissions). */
  builtIn: string[];
  locked: boolean;
  onChange: (sites: SiteRule[]) => void;
  /** `permissions.request`; must be called straight from the click, before any other await. */
  requestOrigins: (origins: string[]) => Promise<boolean>;
  removeOrigins: (origins: string[]) => Promise<unknown>;
  /** `permissions.contains`: whether the browser already allows the extension on a site. */
  hasAccess: (origins: string[]) => Promise<boolean>;
}

function ContextSelect({
  id,
  value,
  disabled,
  onChange,
  label,
}: {
  id: string;
  value: CheckContext;
  disabled?: boolean;
  onChange: (c: CheckContext) => void;
  label?: string;
}) {
  return (
    <select id={id} value={value} disabled={disabled} aria-label={label} onChange={(e) => onChange(e.currentTarget.value as CheckContext)}>
      {CHECK_CONTEXTS.map((c) => (
        <option key={c} value={c}>
          {glossary(uiLocale()).contexts[c]}
        </option>
      ))}
    </select>
  );
}

/** The sites to check, each with its context; adding one asks the browser for access to it. */
export function SitesSection({ sites, builtIn, locked, onChange, requestOrigins, removeOrigins, hasAccess }: SitesSectionProps) {
  const [input, setInput] = useState('');
  const [context, setContext] = useState<CheckContext>('approval');
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  // Sites set by policy (or whose access was withdrawn) may lack host access: no policy grants it.
  const [access, setAccess] = useState<Record<string, boolean>>({});
  const patterns = sites.map((s) => s.pattern).join('\n');

  useEffect(() => {
    let live = true;
    void Promise.all(sites.map(async (s) => [s.pattern, await hasAccess([s.pattern]).catch(() => false)] as const)).then((pairs) => {
      if (live) setAccess(Object.fromEntries(pairs));
    });
    return () => void (live = false);
  }, [patterns, hasAccess]);

  function allow(pattern: string) {
    requestOrigins([pattern]).then(
      (granted) => {
        setAccess((before) => ({ ...before, [pattern]: granted }));
        setMessage(granted ? { error: false, text: t('siteAllowed', pattern) } : { error: true, text: t('siteDenied', pattern) });
      },
      () => setMessage({ error: true, text: t('siteDenied', pattern) }),
    );
  }

  function add(event: Event) {
    // Inside the options form: Enter here adds a site rather than saving the page.
    event.preventDefault();
    const parsed = toMatchPattern(input);
    if (!parsed.ok) return setMessage({ error: true, text: t(`siteError_${parsed.error.kind}`) });
    const { pattern } = parsed;
    if (sites.some((s) => s.pattern === pattern)) return setMessage({ error: true, text: t('siteDuplicate', pattern) });
    // First call in the handler: Chrome grants the prompt only inside the user's gesture.
    requestOrigins([pattern]).then(
      (granted) => {
        if (!granted) return setMessage({ error: true, text: t('siteDenied', pattern) });
        onChange([...sites, { pattern, context }]);
        setInput('');
        setMessage({ error: false, text: t('siteAdded', pattern) });
      },
      (error: unknown) => setMessage({ error: true, text: t('siteDenied', `${pattern} (${error instanceof Error ? error.message : String(error)})`) }),
    );
  }

  function remove(pattern: string) {
    onChange(sites.filter((s) => s.pattern !== pattern));
    // Built-in host permissions cannot be removed; the browser refuses, which is fine.
    removeOrigins([pattern]).catch(() => undefined);
    setMessage({ error: false, text: t('siteRemoved', pattern) });
  }

  return (
    <fieldset>
      <legend>{t('sitesLegend')}</legend>
      {locked && <LockedNote id="sites-locked" />}
      <p class="hint">{t('sitesBuiltIn', builtIn.join(t('listSeparator')))}</p>
      {sites.length === 0 ? (
        <p class="muted">{t('sitesEmpty')}</p>
      ) : (
        <table class="sites" data-testid="sites">
          <caption class="visually-hidden">{t('sitesLegend')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sitePatternLabel')}</th>
              <th scope="col">{t('contextLabel')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('siteActions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sites.map((site, i) => (
              <tr key={site.pattern} data-pattern={site.pattern}>
                <th scope="row" class="code">
                  {site.pattern}
                </th>
                <td>
                  <ContextSelect
                    id={`site-context-${i}`}
                    value={site.context}
                    disabled={locked}
                    label={t('siteContextOf', site.pattern)}
                    onChange={(c) => onChange(sites.map((s) => (s.pattern === site.pattern ? { ...s, context: c } : s)))}
                  />
                </td>
                <td>
                  {access[site.pattern] === false && (
                    <button type="button" onClick={() => allow(site.pattern)} aria-label={t('siteAllowOf', site.pattern)} data-testid="site-allow">
                      {t('siteAllow')}
                    </button>
                  )}{' '}
                  <button type="button" class="secondary" disabled={locked} onClick={() => remove(site.pattern)} aria-label={t('siteRemoveOf', site.pattern)}>
                    {t('siteRemove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!locked && (
        <div class="row">
          <label for="site-input">{t('siteAddLabel')}</label>
          <input
            id="site-input"
            type="text"
            value={input}
            placeholder="https://oa.example.gov.cn/"
            onInput={(e) => setInput(e.currentTarget.value)}
            onKeyDown={(e) => e.key === 'Enter' && add(e)}
          />
          <label for="site-context" class="visually-hidden">
            {t('contextLabel')}
          </label>
          <ContextSelect id="site-context" value={context} onChange={setContext} />
          <button type="button" onClick={add}>
            {t('siteAdd')}
          </button>
        </div>
      )}
      {message && (
        <p role={message.error ? 'alert' : 'status'} class={message.error ? 'error' : 'ok'} data-testid="site-message">
          {message.text}
        </p>
      )}
    </fieldset>
  );
}
