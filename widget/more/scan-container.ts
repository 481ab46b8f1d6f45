import { h, render } from 'preact';
import { adoptPresentStyles } from '../../core/present/adopt-present-styles.ts';
import { SubjectCard } from '../../core/present/subject-card.tsx';
import { createPageScanner, type PageScanner, type ScanFinding } from '../../core/scan/create-page-scanner.ts';
import { adjacentNameMemo, findAdjacentName } from '../../core/scan/find-adjacent-name.ts';
import { applicableMeasures } from '../../core/verdict/applicable-measures.ts';
import { verdictLabel } from '../../core/verdict/verdict-labels.ts';
import type { CodeState } from '../contract/code-watcher.ts';
import type { MoreHost } from '../contract/more-host.ts';
import { locateCodePlaces } from './locate-code.ts';
import { cardPlatformUrl } from './card-platform-url.ts';
import { pageLocale } from '../element/page-locale.ts';
import { nameMatchesOf } from '../contract/verdict-event.ts';
import { verdictLook } from '../../core/verdict/verdict-look.ts';
import type { VerdictLook } from '../../core/verdict/verdict-palette.ts';
import { countByLook } from '../../core/verdict/verdict-strength.ts';
import { lookName } from '../../core/present/look-name.ts';

/** One code found by `CreditLens.scan`, with its verdict once known. */
export interface ScanFindingWithVerdict extends ScanFinding {
  name: string | null;
  state: CodeState | null;
  /** The name the page shows beside the code (table row, line, labelled field), when found. */
  pageName: string | null;
  /** Whether it agrees with the registered name (三要素); null when there is nothing to compare. */
  nameMatches: boolean | null;
  /** How it is marked: its kind, except a clear from the public lists alone (`public`, never the full clear). */
  look: VerdictLook;
}

/** One line of a scan's summary: how many findings have a look, with the look's symbol and name in the page's language. */
export interface ScanCount {
  look: VerdictLook;
  count: number;
  symbol: string;
  name: string;
}

/** What `CreditLens.scan` resolves with: the findings when every valid code has an answer, and the handle to stop watching. */
export interface ScanHandle {
  findings: ScanFindingWithVerdict[];
  /** The current findings (the container is still watched: codes added later are marked too). */
  current(): ScanFindingWithVerdict[];
  /** The current findings counted by look, most urgent first (a public-lists-only clear apart from the full clear). */
  counts(): ScanCount[];
  /** Removes every mark and stops watching. */
  stop(): void;
}

export interface ScanOptions {
  signal?: AbortSignal;
}

/**
 * Marks the codes of a container with the same core pipeline the extension uses
 * (`createPageScanner`: same matching, same `creditlens-*` highlights and overlay), answers
 * them from the runtime's cache, and keeps watching the container for changes.
 */
export function scanContainer(core: MoreHost, root: Document | Element, options: ScanOptions = {}): Promise<ScanHandle> {
  const document = root.nodeType === 9 ? (root as Document) : (root as Element).ownerDocument;
  const controller = new AbortController();
  options.signal?.addEventListener('abort', () => controller.abort(), { once: true });
  const states = new Map<string, CodeState>();
  const unwatch: (() => void)[] = [];
  const waiting = new Set<string>();
  let settle: (() => void) | null = null;
  const localeOf = () => pageLocale(root.nodeType === 9 ? (root as Document).documentElement : (root as Element), core.config().lang);

  // The scanner reports the first codes while it is being constructed, before it can take verdicts.
  let scanner: PageScanner<CodeState['verdict']> | null = null;
  scanner = createPageScanner<CodeState['verdict']>({
    root,
    document,
    signal: controller.signal,
    label: (kind) => verdictLabel(kind, localeOf()),
    onCodes(asked) {
      // The names beside them, for all of the batch at once (one walk, each form read once).
      const unnamed = asked.map(({ code }) => code).filter((code) => !core.pageName(code));
      if (unnamed.length > 0) {
        const places = locateCodePlaces(root, unnamed);
        const memo = adjacentNameMemo();
        for (const code of unnamed) {
          const at = places.get(code);
          core.setPageName(code, at ? findAdjacentName(root, at, memo) : null);
        }
      }
      for (const { code } of asked) {
        waiting.add(code);
        unwatch.push(
          core.watch(code, (state) => {
            states.set(code, state);
            scanner?.setVerdicts([[code, state.verdict]]);
            if (state.verdict.kind !== 'pending' && waiting.delete(code) && waiting.size === 0) settle?.();
          }),
        );
      }
    },
    renderCard(container, request) {
      const root = container.getRootNode();
      if (root instanceof (document.defaultView as Window & typeof globalThis).ShadowRoot) adoptPresentStyles(root);
      const state = states.get(request.code);
      // Opening the card shows the answer again: one past the freshness window is asked again.
      if (state?.verdict.stale && !state.verdict.reason.errorKind) core.refreshStale([request.code]);
      const context = core.config().context;
      const draw = (catalogue: Parameters<typeof applicableMeasures>[1] | null) => {
        if (!state) {
          container.textContent = `${request.code} ${verdictLabel(request.kind, localeOf()).long}`;
          return;
        }
        render(
          h(SubjectCard, {
            code: request.code,
            verdict: state.verdict,
            result: state.result,
            measures: catalogue ? applicableMeasures(state.verdict, catalogue, context) : null,
            context,
            locale: localeOf(),
            platformUrl: cardPlatformUrl(core, request.code),
            now: core.now(),
            pageName: core.pageName(request.code),
          }),
          container,
        );
      };
      draw(null);
      if (state && (state.verdict.activeEntries.length > 0 || state.verdict.disputedEntries.length > 0)) {
        void core.measures(context).then((catalogue) => {
          if (catalogue && container.isConnected) draw(catalogue);
        });
      }
    },
  });

  scanner.setVerdicts([...states].map(([code, state]) => [code, state.verdict] as const));
  const started = scanner;
  controller.signal.addEventListener('abort', () => unwatch.forEach((stop) => stop()), { once: true });

  const current = (): ScanFindingWithVerdict[] =>
    started.findings().map((f) => {
      const state = states.get(f.code) ?? null;
      const name = state?.result?.subject?.name ?? null;
      const pageName = core.pageName(f.code);
      const kind = state && f.validity === 'valid' ? state.verdict.kind : f.kind;
      const look = state && f.validity === 'valid' ? verdictLook(state.verdict) : kind;
      return { ...f, kind, look, name, state, pageName, nameMatches: nameMatchesOf(pageName, name) };
    });
  const counts = (): ScanCount[] => countByLook(current()).map(({ look, count }) => ({ look, count, ...lookName(look, localeOf()) }));

  return new Promise((resolve) => {
    const done = (): void => resolve({ findings: current(), current, counts, stop: () => controller.abort() });
    if (waiting.size === 0) return done();
    settle = done;
    controller.signal.addEventListener('abort', done, { once: true });
  });
}
