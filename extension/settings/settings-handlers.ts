/**
 * The background's answers to `getSettings`, `saveSettings` and `testConnection`. The background
 * entrypoint registers them once; everything else reads settings via `readEffectiveSettings`.
 */
import { onValidMessage } from '../messaging/on-valid-message.ts';
import { fail } from '../messaging/result.ts';
import { getSettingsView, saveSettings } from './save-settings.ts';
import { testConnection } from './test-connection.ts';

/** Registers the settings handlers (on `messenger`, the extension's by default); returns the function that removes them. */
export function registerSettingsHandlers(messenger?: Parameters<typeof onValidMessage>[2]): () => void {
  const on: typeof onValidMessage = (type, handler) => onValidMessage(type, handler, messenger);
  const removers = [
    // Pages we run in have no business with the settings (site rules, operator name): extension pages only.
    on('getSettings', (_request, origin) => (origin.extensionPage ? getSettingsView() : fail('permission', 'only extension pages may read settings'))),
    on('saveSettings', (patch, origin) => (origin.extensionPage ? saveSettings(patch) : fail('permission', 'only extension pages may change settings'))),
    on('testConnection', (req, origin) => (origin.extensionPage ? testConnection(req) : fail('permission', 'only extension pages may test the connection'))),
  ];
  return () => removers.forEach((remove) => remove());
}
