import { render } from 'preact';
import { browser } from 'wxt/browser';
import { sendChecked } from '../../messaging/send-checked.ts';
import { loadLocaleOverride, t, uiLocale } from '../../locale/translate.ts';
import { lockedKeys, readManagedPolicy } from '../../settings/managed-policy.ts';
import { OptionsApp } from './options-app.tsx';
import '../popup/popup.css';
import './options.css';

async function main(): Promise<void> {
  await loadLocaleOverride(location.search);
  document.documentElement.lang = uiLocale();
  document.title = t('optionsTitle');
  render(
    <OptionsApp
      send={sendChecked}
      readLocked={async () => lockedKeys(await readManagedPolicy())}
      builtInSites={browser.runtime.getManifest().host_permissions ?? []}
      requestOrigins={(origins) => browser.permissions.request({ origins })}
      removeOrigins={(origins) => browser.permissions.remove({ origins })}
      hasAccess={(origins) => browser.permissions.contains({ origins })}
    />,
    document.getElementById('app')!,
  );
}

void main();
