/**
 * A credit client that follows the effective settings: feedback, objections and records are
 * sent to whichever platform is configured now, with the token read on every call, so a changed
 * platform URL or token takes effect without restarting the background. Background only: the
 * token never leaves it.
 */
import { createCreditClient, type CreditClient } from '../../core/api/create-credit-client.ts';
import { readEffectiveSettings, watchEffectiveSettings } from './effective-settings.ts';
import { parseStoredSettings, type Settings } from './settings-schema.ts';

export interface SettingsClient {
  /** Resolves once the settings were first read. */
  readonly ready: Promise<void>;
  settings(): Settings;
  /** The client for the current platform URL. */
  client(): CreditClient;
}

export interface SettingsClientOptions {
  fetch?: typeof fetch;
  /** Extra attempts inside one call; the feedback queue does its own retrying (default 0). */
  retries?: number;
  timeoutMs?: number;
  read?: () => Promise<Settings>;
  watch?: (onChange: () => void) => void;
}

/** Starts following the settings. */
export function followSettingsClient(o: SettingsClientOptions = {}): SettingsClient {
  let settings = parseStoredSettings({});
  let client: CreditClient | null = null;
  let clientUrl = '';
  const read = o.read ?? (async () => (await readEffectiveSettings()).settings);
  const refresh = async (): Promise<void> => {
    settings = await read();
  };
  const ready = refresh().catch(() => undefined);
  (o.watch ?? ((fn) => void watchEffectiveSettings(fn)))(() => void ready.then(refresh).catch(() => undefined));
  return {
    ready,
    settings: () => settings,
    client() {
      if (!client || clientUrl !== settings.platformUrl) {
        clientUrl = settings.platformUrl;
        client = createCreditClient({
          baseUrl: clientUrl,
          getToken: async () => settings.token || null,
          retries: o.retries ?? 0,
          timeoutMs: o.timeoutMs ?? 8000,
          ...(o.fetch && { fetch: o.fetch }),
        });
      }
      return client;
    },
  };
}
