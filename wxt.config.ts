import { defineConfig } from 'wxt';

// The extension's sources live in extension/; core/ is imported from there.
//
// Two builds (docs/deploy.md):
// - `wxt build` (store / personal install): host access is optional and asked for per site on the
//   options page, so installing it asks for nothing beyond the loopback demo platform.
// - `wxt build --mode enterprise` (→ .output/chrome-mv3-enterprise, packed into the CRX by
//   `npm run package`): declares http/https host access, which a browser grants without a prompt
//   when the extension is force-installed by policy, so sites set by policy are checked at once.
//   It still scans only the sites configured (by policy or the person): content scripts are
//   registered per configured site (background/register-site-scripts.ts). CREDITLENS_UPDATE_URL,
//   when set, becomes the manifest's update_url (where the browser looks for later versions).
const ENTERPRISE_HOSTS = ['http://*/*', 'https://*/*'];
const MINIMUM_CHROME_VERSION = '102';

export default defineConfig({
  srcDir: 'extension',
  outDir: '.output',
  publicDir: 'extension/public',
  manifestVersion: 3,
  // `wxt/browser` is Mozilla's webextension-polyfill (promise-based `browser.*` on every Chromium
  // core, including the older ones in 360, QQ and 信创 builds), not the bare `chrome` global.
  modules: ['@wxt-dev/webextension-polyfill'],
  // The sources zip AMO asks for: the code only, never test output, databases or a signing key.
  zip: { excludeSources: ['test-results/**', 'data/**', 'dist/**', '**/*.pem', '**/*.sqlite*', '.env*'] },
  manifest: ({ browser, mode }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // The oldest Chromium core we support, from the APIs we use: an MV3 service worker (88),
    // scripting.registerContentScripts (96) and storage.session (102), which keeps the cache and the
    // frames across service-worker stops. Newer APIs are optional and degrade (README, "Older
    // Chromium cores"): the CSS Custom Highlight API (105) → overlay markers only. Firefox has its
    // own floor below (strict_min_version).
    ...(browser === 'firefox' ? {} : { minimum_chrome_version: MINIMUM_CHROME_VERSION }),
    // unlimitedStorage: the list snapshot of a large platform (1M listed codes ≈ 10 MB as stored) outgrows storage.local's 10 MB; it asks the user nothing.
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'activeTab', 'scripting'],
    optional_host_permissions: ['<all_urls>'],
    host_permissions: mode === 'enterprise' ? ENTERPRISE_HOSTS : ['http://127.0.0.1/*', 'http://localhost/*'],
    ...(mode === 'enterprise' && process.env.CREDITLENS_UPDATE_URL ? { update_url: process.env.CREDITLENS_UPDATE_URL } : {}),
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    action: { default_title: '__MSG_extName__', default_icon: { 16: 'icon/16.png', 32: 'icon/32.png' } },
    // Enterprise policy (Chrome/Edge): an IT department sets platform, token and sites; see extension/settings/managed-policy.ts.
    storage: { managed_schema: 'managed_schema.json' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'credit-lens@example.gov.cn',
              // 140 (the current ESR) is the first to read data_collection_permissions.
              strict_min_version: '140.0',
              // Codes found on pages go to the credit platform the user (or policy) configured.
              data_collection_permissions: { required: ['websiteContent'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
