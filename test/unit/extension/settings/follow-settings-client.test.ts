import { describe, expect, it, vi } from 'vitest';
import { followSettingsClient } from '../../../../extension/settings/follow-settings-client.ts';
import { parseStoredSettings, type Settings } from '../../../../extension/settings/settings-schema.ts';

const settings = (patch: Partial<Settings>): Settings => ({ ...parseStoredSettings({}), ...patch });

/** A promise the test settles itself. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

describe('followSettingsClient at start', () => {
  it('is ready on the remembered settings before the policy answers, and takes the real settings as a change', async () => {
    const real = deferred<Settings>();
    const client = followSettingsClient({
      remembered: async () => settings({ platformUrl: 'https://city.example.gov.cn', token: 'yesterday' }),
      read: () => real.promise,
      watch: () => undefined,
    });
    const changes = vi.fn();
    client.onChange(changes);
    await client.ready;
    expect(client.settings()).toMatchObject({ platformUrl: 'https://city.example.gov.cn', token: 'yesterday' });
    expect(changes).not.toHaveBeenCalled();

    real.resolve(settings({ platformUrl: 'https://province.example.gov.cn', token: 'today' }));
    await vi.waitFor(() => expect(changes).toHaveBeenCalledTimes(1));
    const [next, before] = changes.mock.calls[0]!;
    expect(before).toMatchObject({ platformUrl: 'https://city.example.gov.cn', token: 'yesterday' });
    expect(next).toMatchObject({ platformUrl: 'https://province.example.gov.cn', token: 'today' });
    expect(client.settings().token).toBe('today');
  });

  it('waits for the real settings when nothing is remembered (the first start after installing)', async () => {
    const real = deferred<Settings>();
    const client = followSettingsClient({ remembered: async () => null, read: () => real.promise, watch: () => undefined });
    const changes = vi.fn();
    client.onChange(changes);
    let ready = false;
    void client.ready.then(() => (ready = true));
    await Promise.resolve();
    expect(ready).toBe(false);
    real.resolve(settings({ token: 'first' }));
    await client.ready;
    expect(client.settings().token).toBe('first');
    // The first read is the start itself, not a change.
    expect(changes).not.toHaveBeenCalled();
  });

  it('waits for the real settings when the remembered ones cannot be read', async () => {
    const client = followSettingsClient({
      remembered: async () => {
        throw new Error('storage unavailable');
      },
      read: async () => settings({ token: 'real' }),
      watch: () => undefined,
    });
    await client.ready;
    expect(client.settings().token).toBe('real');
  });
});
