/**
 * Codes a current list snapshot answers are painted from it first: their full answers are asked
 * only once the frame has painted them (its findings report), when they are shown again (a card
 * opened), or after HOLD_MAX_MS — never before the page has something to show.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { FOREVER_DAY } from '../../../../core/snapshot/china-day-number.ts';
import { createVerdictService, type VerdictService } from '../../../../extension/background/create-verdict-service.ts';
import { parseStoredSettings } from '../../../../extension/settings/settings-schema.ts';
import { makeEntry } from '../../core/fixtures/make-entry.ts';
import { makeSnapshotCode } from '../../core/snapshot/make-snapshot-code.ts';
import { signedSnapshot, snapshotPlatform, type SignedSnapshot } from './snapshot-platform.ts';

/** A short hold for the test (the background waits HOLD_MAX_MS). */
const HOLD_MS = 400;
const listed = makeSnapshotCode(21);
const absent = makeSnapshotCode(22);
const another = makeSnapshotCode(23);
let snapshot: SignedSnapshot;

beforeAll(async () => {
  snapshot = await signedSnapshot(5, [{ code: listed, timeline: [1, FOREVER_DAY] }]);
});
beforeEach(() => fakeBrowser.reset());

describe('createVerdictService with a current snapshot', () => {
  let service: VerdictService | undefined;
  afterEach(() => service?.dispose());

  async function started() {
    const fake = snapshotPlatform({
      snapshot,
      version: () => 5,
      serveSnapshot: true,
      status: (codes) => ({
        status: 200,
        body: {
          results: codes.map((code) => ({
            code,
            found: true,
            invalid: false,
            subject: { code, name: `主体${code.slice(-4)}`, regionCode: null, legalRepresentative: null },
            entries: code === listed ? [makeEntry()] : [],
            asOf: new Date().toISOString(),
            dataVersion: 5,
          })),
          asOf: new Date().toISOString(),
          dataVersion: 5,
        },
      }),
    });
    const settings = parseStoredSettings({ platformUrl: 'http://127.0.0.1:9', token: 'secret', changesPollSeconds: 60 });
    service = createVerdictService({ settings: () => settings, fetch: fake.fetch, onDirty: () => undefined, onVerdict: () => undefined, holdMaxMs: HOLD_MS });
    await vi.waitFor(() => expect(service!.snapshotInfo().current).toBe(true));
    const asked = () => fake.calls.filter((c) => c.url.includes('/status')).flatMap((c) => (c.body as { codes: string[] }).codes);
    return { asked };
  }

  it('answers at once from the snapshot and asks for the full answers only once the frame painted them', async () => {
    const { asked } = await started();
    service!.watch([listed, absent]);
    expect(service!.peek(listed)?.kind).toBe('black');
    expect(service!.peek(absent)?.kind).toBe('clear');
    // Give the batcher its window: still nothing asked.
    await new Promise((r) => setTimeout(r, 100));
    expect(asked()).toEqual([]);
    service!.release([listed]);
    await vi.waitFor(() => expect(asked()).toEqual([listed]));
    await vi.waitFor(() => expect(service!.peek(listed)?.result?.subject?.name).toBe(`主体${listed.slice(-4)}`));
    expect(asked()).not.toContain(absent);
  });

  it('asks at once for a held code shown again (a card opened), and for every held code after the longest hold', async () => {
    const { asked } = await started();
    service!.watch([absent, another]);
    service!.watch([absent]);
    await vi.waitFor(() => expect(asked()).toEqual([absent]));
    await vi.waitFor(() => expect(asked()).toContain(another), { timeout: HOLD_MS + 2_000 });
  });
});
