/**
 * The content script's work in one frame: ask the background for this frame's context, start
 * the page scanner, send new codes to `lookup`, apply `verdictsChanged` pushes, and report the
 * frame's findings for the popup. It never sees the token or the platform; only verdict views.
 *
 * The host page is not ours: the overlay's shadow root is closed (page scripts get
 * `host.shadowRoot === null`, so they can neither read the card nor reach its forms), and events
 * a script dispatched are stopped before the card's controls see them.
 */
import * as z from 'zod/mini';
import { CheckContextSchema, type CheckContext } from '../../core/api/check-context-schema.ts';
import { createOverlay } from '../../core/scan/create-overlay.ts';
import { createPageScanner, type AskedCode, type PageScanner } from '../../core/scan/create-page-scanner.ts';
import { onValidMessage } from '../messaging/on-valid-message.ts';
import type { CodeView } from '../messaging/protocol.ts';
import { ok } from '../messaging/result.ts';
import { sendChecked } from '../messaging/send-checked.ts';
import { renderCodeCard, type ScannedVerdict } from './render-code-card.tsx';
import { stopUntrustedEvents } from './stop-untrusted-events.ts';
import { startKeyboardAccess } from './keyboard-access.ts';
import { withholdHighlightApi } from './withhold-highlight-api.ts';
import { createMismatchFlags } from '../names/create-mismatch-flags.ts';
import { createPageNames } from '../names/create-page-names.ts';
import { reportCaseReference } from '../feedback/report-case-reference.ts';
import { localVerdict } from '../../core/verdict/local-verdict.ts';
import { presentLocale } from '../../core/present/present-locale.ts';
import { firstRunHintItem } from '../settings/first-run-hint-item.ts';
import { showFirstRunHint } from './show-first-run-hint.tsx';
import { pageReadableLook } from '../../core/verdict/page-readable-kind.ts';
import { verdictLook } from '../../core/verdict/verdict-look.ts';

/** A card opened again within this time does not ask again for its stale answer. */
const REASK_MS = 1_000;

// The page's scripts read CSS.highlights: a verdict resting on internal-only entries is painted as
// `pending` there and drawn for real only in the closed overlay (core/verdict/page-readable-kind.ts).
// Both are painted by look: a clear from the public lists alone (no token) is `public`, not `clear`.
const toEntry = (view: CodeView): [string, ScannedVerdict] => [view.code, { kind: verdictLook(view.verdict), pageKind: pageReadableLook(view.verdict), view }];

/** The page's own context hint, `<meta name="creditlens-context" content="procurement">`. */
function contextHint(document: Document): CheckContext | null {
  const content = document.querySelector('meta[name="creditlens-context"]')?.getAttribute('content')?.trim() ?? '';
  const parsed = z.safeParse(CheckContextSchema, content);
  return parsed.success ? parsed.data : null;
}

/** Starts scanning `document`; everything stops when `signal` aborts (extension reloaded or updated). */
export async function startContent(document: Document, signal: AbortSignal): Promise<void> {
  const config = await sendChecked('frameConfig', { url: document.location.href, contextHint: contextHint(document) });
  if (signal.aborted || !config.ok || !config.value.enabled) return;
  if (!config.value.highlightApi) withholdHighlightApi(document.defaultView as Window & typeof globalThis);
  const context = config.value.context;
  let scanner: PageScanner<ScannedVerdict> | null = null;
  const reasked = new Map<string, number>();
  const names = new Map<string, string | null>();
  const overlay = createOverlay(document, signal, { mode: 'closed' });
  stopUntrustedEvents(overlay.shadow, signal);
  startKeyboardAccess(document, overlay, signal);
  const pageNames = createPageNames({
    document,
    signal,
    context,
    send: sendChecked,
    flags: createMismatchFlags(overlay.shadow, signal),
    // The scanner's places: the name check never walks the page again.
    places: () => scanner?.places() ?? new Map(),
  });
  reportCaseReference(document, sendChecked);
  // The first codes marked in the top frame bring the first-run hint, once ever (issue 14).
  let hinted = document.defaultView !== document.defaultView?.top;
  function apply(views: CodeView[]): void {
    for (const view of views) names.set(view.code, view.result?.subject?.name ?? null);
    pageNames.setViews(views);
    scanner?.setVerdicts(views.map(toEntry));
  }

  // Registered before the first lookup so no push can be missed.
  const stopListening = onValidMessage('verdictsChanged', ({ views }) => {
    apply(views);
    return ok(null);
  });
  signal.addEventListener('abort', stopListening, { once: true });

  async function lookup(asked: AskedCode[]): Promise<void> {
    // Each code goes with the validity the scanner found (the background checks it against its own reading).
    const answer = await sendChecked('lookup', { codes: asked });
    if (signal.aborted || !scanner) return;
    if (answer.ok) apply(answer.value.views);
    else {
      // The background could not answer at all: never leave a code looking checked.
      scanner.setVerdicts(asked.map(({ code }) => [code, { kind: 'unknown', view: unknownView(code, context, answer.error.message) }]));
    }
  }

  scanner = createPageScanner<ScannedVerdict>({
    document,
    signal,
    overlay,
    // A page cannot make us look up codes it hides from the person (issue 10, finding 3).
    askWhenShown: true,
    onCodes: (codes) => void lookup(codes),
    onFindings(findings) {
      pageNames.setCodes(findings.map((f) => f.code));
      if (!hinted && findings.length > 0) {
        hinted = true;
        const locale = presentLocale(document.documentElement.lang || navigator.language);
        void showFirstRunHint({ document, overlay, signal, store: firstRunHintItem, locale });
      }
      const named = findings.map((f) => ({ ...f, name: names.get(f.code) ?? null }));
      void sendChecked('reportFindings', { url: document.location.href, findings: named });
    },
    renderCard(container, request) {
      // Opening a card shows the answer again: the background asks again for it when it is past
      // the freshness window (only the background knows), at most once per code a second (its answer re-renders the card).
      if (request.verdict && request.validity !== 'invalid' && Date.now() - (reasked.get(request.code) ?? 0) > REASK_MS) {
        reasked.set(request.code, Date.now());
        void lookup([{ code: request.code, validity: request.validity }]);
      }
      renderCodeCard(container, request, context, pageNames.pageName(request.code));
    },
  });
}

function unknownView(code: string, context: CheckContext, detail: string): CodeView {
  return {
    code,
    validity: 'valid',
    verdict: localVerdict('unknown', { code: 'error', errorKind: 'offline', detail }),
    result: null,
    measures: null,
    context,
    platformUrl: null,
  };
}
