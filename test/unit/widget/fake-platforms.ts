import type { ListEntry } from '../../../core/api/list-entry-schema.ts';
import { makeEntry } from '../core/fixtures/make-entry.ts';
import { makeMeasure } from '../core/fixtures/make-measure.ts';
import { ASOF } from './fake-platform.ts';

/** One request a fake platform received. */
export interface PlatformCall {
  path: string;
  method: string;
  body: Record<string, unknown> | null;
  auth: string | null;
}

/** An in-memory credit platform at one origin: status, measures, health, changes, feedback, objections and records per the contract. */
export interface FakeAt {
  origin: string;
  calls: PlatformCall[];
  entries: Map<string, Partial<ListEntry>[]>;
  /** Every request fails as if the platform were down. */
  down: boolean;
  /** Codes its changes feed names next (after the data version 3 it starts at); read once. */
  changed: string[];
}

const json = (status: number, value: unknown) => new Response(JSON.stringify(value), { status, headers: { 'Content-Type': 'application/json' } });
const stamp = { asOf: ASOF, dataVersion: 3 };

/** Several fake platforms behind one `fetch`, told apart by origin. */
export function fakePlatforms(origins: string[]): { fetch: typeof fetch; at: Record<string, FakeAt> } {
  const at: Record<string, FakeAt> = Object.fromEntries(origins.map((origin) => [origin, { origin, calls: [], entries: new Map(), down: false, changed: [] }]));
  const fetchVia = (async (input: string | URL | Request, init: RequestInit = {}) => {
    const url = new URL(String(input));
    const platform = at[url.origin];
    if (!platform) throw new TypeError(`Failed to fetch ${url.origin}`);
    const body = typeof init.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : null;
    const auth = new Headers(init.headers).get('Authorization');
    platform.calls.push({ path: url.pathname, method: init.method ?? 'GET', body, auth });
    if (platform.down) throw new TypeError('Failed to fetch');
    switch (url.pathname) {
      case '/api/v1/status':
        return json(200, {
          results: ((body?.codes as string[] | undefined) ?? []).map((code) => ({
            code,
            found: true,
            invalid: false,
            subject: { code, name: `主体${code.slice(-4)}`, regionCode: null, legalRepresentative: null },
            entries: (platform.entries.get(code) ?? []).map((e) => makeEntry(e)),
            scope: auth ? 'full' : 'public',
            ...stamp,
          })),
          ...stamp,
        });
      case '/api/v1/measures':
        return json(200, { catalogueVersion: '1', measures: [makeMeasure({ id: 'm-proc', contexts: ['procurement', 'approval'] })], ...stamp });
      case '/api/v1/health':
        return json(200, { status: 'ok', apiVersion: 'v1', platform: 'fake', anonymousReads: true, ...stamp });
      case '/api/v1/changes': {
        const changes = platform.changed.splice(0).map((code, i) => ({ cursor: 4 + i, code, at: ASOF, kind: 'listed' }));
        return json(200, { changes, cursor: 3 + changes.length, hasMore: false, ...stamp });
      }
      case '/api/v1/feedback':
        if (init.method === 'POST')
          return json(201, { feedback: { id: 'fb-1', ...body, department: '区发改局', receivedAt: ASOF }, duplicate: false, ...stamp });
        return json(200, { code: url.searchParams.get('code'), caseReference: url.searchParams.get('caseReference'), feedback: [], ...stamp });
      default:
        // Records and objections: what was asked is what the tests read; the answer stops there.
        return json(400, { error: { code: 'bad_request', message: 'test stops here' } });
    }
  }) as typeof fetch;
  return { fetch: fetchVia, at };
}
