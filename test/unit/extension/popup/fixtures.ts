/** Plain-data findings, verdicts and batches for popup tests, shaped like the protocol's. */
import type { BatchState, CodeView, TabFinding, VerdictKind } from '../../../../extension/messaging/protocol.ts';

export function finding(code: string, kind: VerdictKind, extra: Partial<TabFinding> = {}): TabFinding {
  return { code, kind, validity: 'valid', name: null, count: 1, frameIds: [0], ...extra };
}

export function codeView(code: string, kind: VerdictKind, name: string | null = null): CodeView {
  return {
    code,
    validity: kind === 'invalid' ? 'invalid' : 'valid',
    verdict: {
      kind,
      reason: { code: kind === 'pending' ? 'checking' : 'nothing-active' },
      activeEntries: [],
      disputedEntries: [],
      watchEntries: [],
      suspendedRed: false,
      asOf: null,
      ageMs: null,
      stale: false,
    },
    result:
      name === null
        ? null
        : {
            code,
            found: true,
            invalid: false,
            subject: { code, name, regionCode: null, legalRepresentative: null },
            entries: [],
            asOf: '2026-11-26T10:00:00.000Z',
            dataVersion: 1,
          },
    measures: null,
    context: 'procurement',
    platformUrl: null,
  } as CodeView;
}

export function batch(batchId: string, views: CodeView[], done: number): BatchState {
  return { batchId, total: views.length, done, finished: done === views.length, views };
}
