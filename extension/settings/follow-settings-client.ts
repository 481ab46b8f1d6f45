/**
 * The background's one settings follower: the effective settings (user's + policy), read once at
 * start and again on every change, and one credit client for the configured platform with the
 * token read on every call, so a changed platform URL or token takes effect without restarting
 * the background. Every part of the background (verdicts, feedback, objections, records) reads
 * settings and the client from here. Background only: the token never leaves it.
 */
import { createCreditClient, type CreditClient } from '../../core/api/create-credit-client.ts';
import { readEffectiveSettings, readRememberedSettings, watchEffectiveSettings } from './effective-settings.ts';
import { parseStoredSettings, type Settings } from './settings-schema.ts';

export interface SettingsClient {
  /** Resolves once the settings were first read. */
  readonly ready: Promise<void>;
  settings(): Settings;
  /** The client for the current platform URL. */
  client(): CreditClient;
  /** Calls `fn` after each change, once the first read is done; returns the function that stops. */
  onChange(fn: (next: Settings, before: Settings) => void): () => void;
}

export interface SettingsClientOptions {
  fetch?: typeof fetch;
  /**
   * Extra attempts inside one call (default 0): status reads are retried by query-core
   * (core/query/status-retry-policy.ts), feedback by its queue, the changes feed by its next poll.
   */
  retries?: number;
  timeoutMs?: number;
  read?: () => Promise<Settings>;
  /** The settings to start on before `read` answers (the last policy seen), or null to wait for `read`. */
  remembered?: () => Promise<Settings | null>;
  watch?: (onChange: () => void) => void;
}

/** Starts following the settings. */
export function followSettingsClient(o: SettingsClientOptions = {}): SettingsClient {
  let settings = parseStoredSettings({});
  let client: CreditClient | null = null;
  let clientUrl = '';
  const listeners = new Set<(next: Settings, before: Settings) => void>();
  const read = o.read ?? (async () => (await readEffectiveSettings()).settings);
  // A caller that gives its own `read` starts on it alone unless it also gives `remembered`.
  const remembered = o.remembered ?? (o.read ? async () => null : async () => (await readRememberedSettings())?.settings ?? null);
  const refresh = async (): Promise<void> => {
    settings = await read();
  };
  // Re-read after `ready`: a change that lands while the first read is in flight must not be lost.
  const reread = (): void =>
    void ready
      .then(async () => {
        const before = settings;
        await refresh();
        for (const fn of listeners) fn(settings, before);
      })
      .catch(() => undefined);
  // Started on the remembered settings, the real read follows as a change (a rebuild only where it differs).
  let startedOnRemembered = false;
  const ready = (async () => {
    const start = await remembered().catch(() => null);
    if (start) {
      settings = start;
      startedOnRemembered = true;
    } else await refresh();
  })().catch(() => undefined);
  void ready.then(() => {
    if (startedOnRemembered) reread();
  });
  (o.watch ?? ((fn) => void watchEffectiveSettings(fn)))(reread);
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
    onChange(fn) {
      listeners.add(fn);
      return () => void listeners.delete(fn);
    },
  };
}
