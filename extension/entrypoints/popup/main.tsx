import { render } from 'preact';
import { browser } from 'wxt/browser';
import { paletteProperties } from '../../../core/present/palette-properties.ts';
import { sendChecked } from '../../messaging/send-checked.ts';
import { loadLocaleOverride, t, uiLocale } from '../../locale/translate.ts';
import { readManagedPolicyReport } from '../../settings/managed-policy.ts';
import { loadPolicyView } from './policy-notice.tsx';
import { PopupApp } from './popup-app.tsx';
import { resolveTabId } from './resolve-tab-id.ts';
import './popup.css';

async function main(): Promise<void> {
  await loadLocaleOverride(location.search);
  const locale = uiLocale();
  document.documentElement.lang = locale;
  // The verdict colours of the chips: the same palette as the page's marks and the card.
  const palette = new CSSStyleSheet();
  palette.replaceSync(`:root{${paletteProperties()}}`);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, palette];
  document.title = t('extName');
  const tabId = await resolveTabId(location.search);
  render(
    <PopupApp
      tabId={tabId}
      send={sendChecked}
      locale={locale}
      openOptions={() => void browser.runtime.openOptionsPage()}
      openTab={(url) => void browser.tabs.create({ url })}
      loadPolicy={() => loadPolicyView(sendChecked, readManagedPolicyReport)}
    />,
    document.getElementById('app')!,
  );
}

void main();
