/**
 * The background's answers to `getSettings`, `saveSettings` and `testConnection`. The background
 * entrypoint registers them once; everything else reads settings via `readEffectiveSettings`.
 */
import { onValidMessage } from '../messaging/on-valid-message.ts';
import { fail } from '../messaging/result.ts';
import { getSettingsView, saveSettings } from './save-settings.ts';
import { testConnection } from './test-connection.ts';

/** Registers the settings handlers; returns the function that removes them. */
export function registerSettingsHandlers(): () => void {
  const removers = [
    onValidMessage('getSettings', () => getSettingsView()),
    onValidMessage('saveSettings', (patch, origin) =>
      origin.extensionPage ? saveSettings(patch) : fail('permission', 'only extension pages may change settings'),
    ),
    onValidMessage('testConnection', (req, origin) =>
      origin.extensionPage ? testConnection(req) : fail('permission', 'only extension pages may test the connection'),
    ),
  ];
  return () => removers.forEach((remove) => remove());
}
