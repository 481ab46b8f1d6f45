import { defineConfig } from 'wxt';

// The extension's sources live in extension/; core/ is imported from there.
export default defineConfig({
  srcDir: 'extension',
  outDir: '.output',
  publicDir: 'extension/public',
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['storage', 'alarms', 'activeTab', 'scripting'],
    optional_host_permissions: ['<all_urls>'],
    host_permissions: ['http://127.0.0.1/*', 'http://localhost/*'],
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'credit-lens@example.gov.cn', strict_min_version: '128.0' } } }
      : {}),
  }),
});
