import { t } from '../../locale/translate.ts';
import { LockedNote } from './locked-note.tsx';
import type { PlatformRow } from './settings-form.ts';

export interface PlatformsSectionProps {
  /** Absent or null: the one platform above; a list: several, by region. */
  rows: PlatformRow[] | null | undefined;
  /** The one platform's address, the first row when the list is turned on (with its saved token, at that address). */
  platformUrl: string;
  hasToken: boolean;
  locked: boolean;
  onChange: (rows: PlatformRow[] | null) => void;
}

const newRow = (url = ''): PlatformRow => ({
  id: `p-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`,
  name: '',
  url,
  regions: '',
  token: '',
  hasToken: false,
  clearToken: false,
});

/**
 * Several credit platforms (issue 17): a city's, the province's. Each has a name, an address, the
 * regions it covers (administrative-division prefixes: 42 Hubei, 4201 Wuhan, or all) and its own
 * token; a code is asked of every platform covering its registration region. A row's token field
 * left empty keeps the token saved for that platform (at the same address).
 */
export function PlatformsSection({ rows, platformUrl, hasToken, locked, onChange }: PlatformsSectionProps) {
  const list = rows ?? null;
  const update = (i: number, patch: Partial<PlatformRow>) => onChange(list!.map((row, j) => (j === i ? { ...row, ...patch } : row)));
  return (
    <fieldset data-testid="platforms">
      <legend>{t('platformsLegend')}</legend>
      {locked && <LockedNote id="platforms-locked" />}
      <label class="inline">
        <input
          id="several-platforms"
          type="checkbox"
          checked={list !== null}
          disabled={locked}
          aria-describedby="platforms-hint"
          onChange={(e) => onChange(e.currentTarget.checked ? [{ ...newRow(platformUrl), hasToken }] : null)}
        />
        {t('platformsToggle')}
      </label>
      <p class="hint" id="platforms-hint">
        {t('platformsHint')}
      </p>
      {list?.map((row, i) => (
        <fieldset class="platform-row" key={row.id} data-platform-id={row.id}>
          <legend>{row.name.trim() || t('platformUnnamed', String(i + 1))}</legend>
          <label for={`platform-name-${i}`}>{t('platformNameLabel')}</label>
          <input
            id={`platform-name-${i}`}
            type="text"
            maxLength={100}
            value={row.name}
            disabled={locked}
            placeholder="湖北省公共信用信息平台"
            onInput={(e) => update(i, { name: e.currentTarget.value })}
          />
          <label for={`platform-url-${i}`}>{t('platformRowUrlLabel')}</label>
          <input
            id={`platform-url-${i}`}
            type="url"
            value={row.url}
            disabled={locked}
            placeholder="https://credit.hubei.gov.cn"
            onInput={(e) => update(i, { url: e.currentTarget.value })}
          />
          <label for={`platform-regions-${i}`}>{t('platformRegionsLabel')}</label>
          <input
            id={`platform-regions-${i}`}
            type="text"
            value={row.regions}
            disabled={locked}
            placeholder="4202 4205 4206"
            aria-describedby="platforms-hint"
            onInput={(e) => update(i, { regions: e.currentTarget.value })}
          />
          <label for={`platform-token-${i}`}>{t('platformRowTokenLabel')}</label>
          <input
            id={`platform-token-${i}`}
            type="password"
            autocomplete="off"
            value={row.token}
            disabled={locked}
            placeholder={row.hasToken && !row.clearToken ? t('tokenSavedPlaceholder') : t('tokenEmptyPlaceholder')}
            onInput={(e) => update(i, { token: e.currentTarget.value, clearToken: false })}
          />
          {!locked && (
            <div class="row">
              {row.hasToken && (
                <label class="inline">
                  <input type="checkbox" checked={row.clearToken} onChange={(e) => update(i, { clearToken: e.currentTarget.checked, token: '' })} />
                  {t('tokenClear')}
                </label>
              )}
              <button type="button" class="secondary" onClick={() => onChange(list.length > 1 ? list.filter((_, j) => j !== i) : null)}>
                {t('platformRemove')}
              </button>
            </div>
          )}
        </fieldset>
      ))}
      {list !== null && !locked && (
        <button type="button" onClick={() => onChange([...list, newRow()])}>
          {t('platformAdd')}
        </button>
      )}
    </fieldset>
  );
}
