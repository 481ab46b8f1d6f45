import { vi } from 'vitest';
import type { ListEntry } from '../../../core/api/list-entry-schema.ts';
import { makeEntry } from '../core/fixtures/make-entry.ts';
import { makeMeasure } from '../core/fixtures/make-measure.ts';

/** Valid codes taken from the core/uscc tests. */
export const BLACK_CODE = '91350100M000100Y43';
export const RED_CODE = '91420105MA4KMF039Y';
export const CLEAR_CODE = '12100000400010003X';

export const ASOF = '2026-03-01T02:00:00.000Z';
export const NOW = new Date('2026-03-01T02:01:00.000Z');

export interface FakePlatform {
  fetch: typeof fetch;
  calls: { url: string; codes: string[] | null; auth: string | null }[];
  entries: Map<string, Partial<ListEntry>[]>;
  /** When true every request fails as if the platform were down. */
  down: boolean;
}

/** An in-memory credit platform answering /status, /measures, /health and /changes per the contract. */
export function fakePlatform(): FakePlatform {
  const state: FakePlatform = {
    calls: [],
    down: false,
    entries: new Map<string, Partial<ListEntry>[]>([
      [BLACK_CODE, [{ id: 'e-black', category: '失信被执行人', department: '区法院' }]],
      [RED_CODE, [{ id: 'e-red', list: 'red', category: '纳税信用A级纳税人', department: '区税务局' }]],
    ]),
    fetch: (async (input: string | URL | Request, init: RequestInit = {}) => {
      const url = new URL(String(input));
      const body = typeof init.body === 'string' ? (JSON.parse(init.body) as { codes?: string[] }) : null;
      const headers = new Headers(init.headers);
      state.calls.push({ url: url.pathname, codes: body?.codes ?? null, auth: headers.get('Authorization') });
      if (state.down) throw new TypeError('Failed to fetch');
      const json = (status: number, value: unknown) => new Response(JSON.stringify(value), { status, headers: { 'Content-Type': 'application/json' } });
      const stamp = { asOf: ASOF, dataVersion: 3 };
      if (url.pathname === '/api/v1/status') {
        return json(200, {
          results: (body?.codes ?? []).map((code) => ({
            code,
            found: true,
            invalid: false,
            subject: { code, name: `主体${code.slice(-4)}`, regionCode: null, legalRepresentative: null },
            entries: (state.entries.get(code) ?? []).map((e) => makeEntry(e)),
            // What the reference platform says: without a department token only the public lists were read.
            scope: headers.get('Authorization') ? 'full' : 'public',
            ...stamp,
          })),
          ...stamp,
        });
      }
      if (url.pathname === '/api/v1/measures') {
        return json(200, { catalogueVersion: '1', measures: [makeMeasure({ id: 'm-proc', contexts: ['procurement', 'approval'] })], ...stamp });
      }
      if (url.pathname === '/api/v1/health') return json(200, { status: 'ok', apiVersion: 'v1', platform: 'fake', anonymousReads: true, ...stamp });
      if (url.pathname === '/api/v1/changes') return json(200, { changes: [], cursor: 3, hasMore: false, ...stamp });
      return json(404, { error: { code: 'not_found', message: 'no' } });
    }) as typeof fetch,
  };
  return state;
}

/** Resolves after pending microtasks and the batching window. */
export async function settle(ms = 40): Promise<void> {
  await new Promise((r) => setTimeout(r, ms));
}

/**
 * Opens a `<credit-status>`'s card: clicks the toggle, waits for the rest of the widget to load
 * (the card is imported on first use) and for the card's own requests to settle.
 */
export async function openCard(el: HTMLElement, ms = 60): Promise<ShadowRoot> {
  el.shadowRoot!.querySelector('button')!.click();
  await vi.waitFor(
    () => {
      if (!el.shadowRoot!.querySelector('.cl-panel')) throw new Error('the card has not been drawn yet');
    },
    { timeout: 5000, interval: 10 },
  );
  await settle(ms);
  return el.shadowRoot!;
}
