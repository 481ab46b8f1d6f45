/**
 * The scanning pipeline for one document (or one element of it): find text and form fields →
 * match codes → paint highlights and overlay markers → watch for changes. It does not know
 * where verdicts come from: it reports new codes through `onCodes` and the caller answers with
 * `setVerdicts`, so the extension (via its background) and the widget (via its own client) share
 * it. Everything it adds to the page is removed when `signal` aborts.
 */
import { parseUscc } from '../uscc/parse-uscc.ts';
import type { UsccReason, UsccValidity } from '../uscc/uscc-types.ts';
import { verdictLabel, type VerdictLabel } from '../verdict/verdict-labels.ts';
import type { VerdictLook } from '../verdict/verdict-palette.ts';
import type { VerdictKind } from '../verdict/verdict-types.ts';
import { adoptHighlightStyles } from './adopt-highlight-styles.ts';
import { createHighlightPainter } from './create-highlight-painter.ts';
import { createMarkerLayer, type FieldTarget, type Target, type TextTarget } from './create-marker-layer.ts';
import { createOverlay, type Overlay } from './create-overlay.ts';
import { findFormFields, isCodeField, type CodeField } from './find-form-fields.ts';
import { createTextCodes, type TextOcc } from './create-text-codes.ts';
import { createVisibilityGate } from './create-visibility-gate.ts';
import { isInsideSkipped } from './find-text-nodes.ts';
import { isCodeEntry } from './is-code-entry.ts';
import { matchCodes } from './match-codes.ts';
import { suspectLabel } from './suspect-label.ts';
import { watchMutations } from './watch-mutations.ts';

/** The least a verdict must say for the scanner to paint it. */
export interface ScanVerdict {
  /** How the verdict is painted: its kind, or `public` for a clear from the public lists alone (core/verdict/verdict-look.ts). */
  kind: VerdictLook;
  /**
   * What the page may read: the look painted into `CSS.highlights` (page scripts read the
   * registry), default `kind`. The extension passes `pending` for a verdict that rests on
   * internal-only entries (core/verdict/page-readable-kind.ts); the overlay then draws the real
   * verdict over the code, where page scripts cannot see it.
   */
  pageKind?: VerdictLook;
}

/** One code of the page, summed over its occurrences. */
export interface ScanFinding {
  code: string;
  validity: UsccValidity;
  kind: VerdictKind;
  /** How it is painted: `kind`, or `public` for a clear from the public lists alone. */
  look: VerdictLook;
  count: number;
}

/** What `renderCard` gets to show. */
export interface CardRequest<V> {
  code: string;
  kind: VerdictLook;
  validity: UsccValidity;
  reasons: UsccReason[];
  /** The caller's verdict for the code; undefined until answered (and for invalid codes). */
  verdict: V | undefined;
  source: 'text' | 'field';
}

/** A code the scanner asks about, with what it already knows of it: valid, or suspect (invalid codes are never asked). */
export interface AskedCode {
  code: string;
  validity: UsccValidity;
}

export interface PageScannerOptions<V extends ScanVerdict> {
  /** What to scan; default the whole document. */
  root?: Document | Element;
  document: Document;
  signal: AbortSignal;
  /**
   * Valid and suspect codes not asked for before (batched per scan). Suspect codes (only the check
   * character wrong; real pilot-era codes fail it) are asked for too and painted with their verdict
   * plus the suspect flag; invalid codes are never asked for.
   */
  onCodes(codes: AskedCode[]): void;
  /** The page's codes after each change (debounced). */
  onFindings?(findings: ScanFinding[]): void;
  /** Fills the detail card; default: the code and the verdict's long label, as text. */
  renderCard?(container: HTMLElement, request: CardRequest<V>): void;
  label?(kind: VerdictLook): VerdictLabel;
  /** Text of the suspect flag beside a verdict; default `suspectLabel('zh-CN')` (校验位不符). */
  suspectLabel?: string;
  /** MutationObserver batching window; default 50 ms. */
  batchMs?: number;
  /**
   * Ask for a code only once the person can see it (core/scan/create-visibility-gate.ts: near the
   * viewport, not hidden, not `aria-hidden`, not of zero size), so a page cannot make us look up
   * codes it hides. Default false: every code found is asked for at once.
   */
  askWhenShown?: boolean;
  /**
   * Where markers and the card are drawn; default a new overlay with an open shadow root. The
   * extension passes its own (closed, so page scripts cannot read it, and shared with its name flags).
   */
  overlay?: Overlay;
}

/** Where a code sits: its range in the page's text (a StaticRange where supported), or the form field holding it. */
export type ScanPlace = AbstractRange | CodeField;

export interface PageScanner<V extends ScanVerdict> {
  /** Sets the verdicts of some codes and repaints them. */
  setVerdicts(entries: Iterable<readonly [string, V]>): void;
  /** Codes currently on the page that are asked for (valid and suspect; text and fields). */
  codes(): string[];
  findings(): ScanFinding[];
  /**
   * Every code's places as the scanner found them (text in document order, then fields), so that
   * whoever needs them (the name check) does not walk the page again.
   */
  places(): Map<string, ScanPlace[]>;
  /** Scans the whole root again (after a reload of verdicts, or for tests). */
  rescan(): void;
  /** False where `CSS.highlights` is missing: the overlay draws outlines instead. */
  readonly highlightSupported: boolean;
}

interface FieldOcc extends FieldTarget {
  validity: UsccValidity;
  reasons: UsccReason[];
}

/** Starts scanning; see the module comment. */
export function createPageScanner<V extends ScanVerdict>(options: PageScannerOptions<V>): PageScanner<V> {
  const { document, signal } = options;
  const root = options.root ?? document;
  const view = document.defaultView as Window & typeof globalThis;
  const label = options.label ?? ((kind: VerdictLook) => verdictLabel(kind, 'zh-CN'));
  const verdicts = new Map<string, V>();
  const fields = new Map<CodeField, FieldOcc>();
  const asked = new Set<string>();
  let toAsk: AskedCode[] = [];

  const painter = createHighlightPainter(view, signal, {
    beforeFirstPaint: () => adoptHighlightStyles(document, signal),
    // Codes come near the viewport: their markers (focusable buttons) are laid out too.
    onShown: () => layer.schedule(),
  });
  const overlay = options.overlay ?? createOverlay(document, signal);
  const isOurs = (node: Node): boolean => node === overlay.host || overlay.host.contains(node) || node.getRootNode() === overlay.shadow;

  const kindOf = (code: string, validity: UsccValidity): VerdictLook => (validity === 'invalid' ? 'invalid' : (verdicts.get(code)?.kind ?? 'pending'));
  const pageKindOf = (code: string, validity: UsccValidity): VerdictLook => {
    const verdict = validity === 'invalid' ? undefined : verdicts.get(code);
    return verdict?.pageKind ?? kindOf(code, validity);
  };
  const gate = options.askWhenShown ? createVisibilityGate({ view, signal }) : null;
  const waitingToAsk = new Set<string>();

  const texts = createTextCodes({
    root,
    document,
    painter,
    kindOf,
    pageKindOf,
    found: (occ) => askWhenShown(occ.code, occ.validity, occ.node, () => rangeRect(occ)),
  });
  const layer = createMarkerLayer({
    document,
    overlay,
    signal,
    fallback: !painter.supported,
    // A code the painter holds back is far from the viewport: not measured for a marker.
    mayBeNear: (t) => !t.node.parentElement || !painter.holdsBack(t.node.parentElement),
    label,
    suspectLabel: options.suspectLabel ?? suspectLabel('zh-CN'),
    textTargets: (): Iterable<TextTarget> => texts.occurrences(),
    fieldTargets: () => fields.values(),
    renderCard(container, target) {
      const occ = target as TextOcc | FieldOcc;
      const request: CardRequest<V> = {
        code: occ.code,
        kind: occ.kind,
        validity: occ.validity,
        reasons: occ.reasons,
        verdict: verdicts.get(occ.code),
        source: 'node' in occ ? 'text' : 'field',
      };
      if (options.renderCard) options.renderCard(container, request);
      else container.textContent = `${occ.code} ${label(occ.kind).long}`;
    },
  });

  function ask(code: string, validity: UsccValidity): void {
    if (validity === 'invalid' || asked.has(code)) return;
    asked.add(code);
    waitingToAsk.delete(code);
    toAsk.push({ code, validity });
  }

  /** `ask` now, or (with `askWhenShown`) once the element holding this occurrence of the code is shown. */
  function askWhenShown(code: string, validity: UsccValidity, at: Node, measure?: () => DOMRect | null): void {
    if (validity === 'invalid' || asked.has(code)) return;
    // The gate moves a `display: contents` parent's waiters to an ancestor with a box.
    const element = gate ? (at.nodeType === 1 ? (at as Element) : at.parentElement) : null;
    if (!gate || !element) return ask(code, validity);
    waitingToAsk.add(code);
    gate.whenShown(
      element,
      () => {
        if (asked.has(code)) return;
        ask(code, validity);
        flushAsksSoon();
      },
      measure,
    );
  }

  const scratch = document.createRange();
  function rangeRect(occ: TextOcc): DOMRect | null {
    if (!occ.node.isConnected || !occ.endNode.isConnected || occ.start > occ.node.length || occ.end > occ.endNode.length) return null;
    scratch.setStart(occ.node, occ.start);
    scratch.setEnd(occ.endNode, occ.end);
    return scratch.getBoundingClientRect();
  }
  // The gate shows many elements at once (a page of codes, all on screen): they are asked in one
  // question when its pass is over, not one message per element.
  let flushQueued = false;
  function flushAsksSoon(): void {
    if (flushQueued) return;
    flushQueued = true;
    queueMicrotask(() => {
      flushQueued = false;
      if (!signal.aborted) flushAsks();
    });
  }
  function flushAsks(): void {
    if (toAsk.length === 0) return;
    const codes = toAsk;
    toAsk = [];
    options.onCodes(codes);
  }

  function updateField(field: CodeField): void {
    const value = field.value.length > 4000 ? field.value.slice(0, 4000) : field.value;
    const match = matchCodes(value)[0];
    let found: Omit<FieldOcc, 'field' | 'kind' | 'suspect'> | null = match ? { code: match.code, validity: match.validity, reasons: match.reasons } : null;
    if (!found) {
      // A whole-field entry written like a code (code characters only) that fails the checks is
      // flagged too (typing mistakes); a company name or an address of the same length is not.
      const entry = value.trim();
      const parsed = entry.length >= 18 && entry.length <= 24 && isCodeEntry(entry) ? parseUscc(entry) : null;
      if (parsed && parsed.code.length === 18 && !parsed.residentId) found = { code: parsed.code, validity: parsed.validity, reasons: parsed.reasons };
    }
    if (!found) {
      if (fields.delete(field)) changed();
      return;
    }
    const before = fields.get(field);
    if (before && before.code === found.code) return;
    fields.set(field, { ...found, field, kind: kindOf(found.code, found.validity), suspect: found.validity === 'suspect' });
    askWhenShown(found.code, found.validity, field);
    flushAsks();
    changed();
  }

  const watch = watchMutations(root, {
    signal,
    delayMs: options.batchMs,
    ignore: isOurs,
    onChange(nodes, gaps) {
      if (gaps.length > 0) prune();
      for (const gap of gaps) texts.removedAt(gap);
      for (const node of nodes) {
        if (!node.isConnected) continue;
        scan(node);
        texts.changedBeside(node);
      }
      texts.settle();
      flushAsks();
      changed();
    },
  });

  function scan(node: Node): void {
    if (node.nodeType !== 3 && node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    if (node.nodeType === 1 && isInsideSkipped(node)) {
      if (isCodeField(node)) updateField(node);
      return;
    }
    texts.scan(
      node,
      (shadow) => {
        watch.observe(shadow);
        for (const field of findFormFields(shadow)) updateField(field);
      },
      signal,
    );
    if (node.nodeType !== 3) for (const field of findFormFields(node)) updateField(field);
  }

  function prune(): void {
    texts.prune();
    for (const field of [...fields.keys()]) if (!field.isConnected) fields.delete(field);
  }

  let findingsTimer: ReturnType<typeof setTimeout> | null = null;
  function changed(): void {
    layer.schedule();
    if (!options.onFindings || findingsTimer !== null) return;
    findingsTimer = setTimeout(() => {
      findingsTimer = null;
      if (!signal.aborted) options.onFindings?.(findings());
    }, 200);
  }

  function findings(): ScanFinding[] {
    const byCode = new Map<string, ScanFinding>();
    const add = (o: TextOcc | FieldOcc): void => {
      const f = byCode.get(o.code);
      if (f) f.count++;
      else byCode.set(o.code, { code: o.code, validity: o.validity, kind: o.kind === 'public' ? 'clear' : o.kind, look: o.kind, count: 1 });
    };
    for (const occ of texts.occurrences()) add(occ);
    for (const occ of fields.values()) add(occ);
    return [...byCode.values()];
  }

  // Typing and pasting: `input` is composed, so one listener sees fields inside shadow roots too.
  const onInput = (event: Event): void => {
    const target = event.composedPath()[0];
    if (isCodeField(target) && !isOurs(target)) updateField(target);
  };
  document.addEventListener('input', onInput, { capture: true, passive: true, signal });
  document.addEventListener('change', onInput, { capture: true, passive: true, signal });
  signal.addEventListener(
    'abort',
    () => {
      if (findingsTimer !== null) clearTimeout(findingsTimer);
    },
    { once: true },
  );

  scan(root);
  flushAsks();
  changed();

  return {
    highlightSupported: painter.supported,
    setVerdicts(entries) {
      const touched = new Set<string>();
      for (const [code, verdict] of entries) {
        verdicts.set(code, verdict);
        touched.add(code);
      }
      for (const occ of texts.occurrences()) {
        if (!touched.has(occ.code)) continue;
        occ.kind = kindOf(occ.code, occ.validity);
        const pageKind = pageKindOf(occ.code, occ.validity);
        occ.veiled = pageKind !== occ.kind;
        painter.paint(occ.range, pageKind);
      }
      for (const occ of fields.values()) if (touched.has(occ.code)) occ.kind = kindOf(occ.code, occ.validity);
      layer.refreshCard(touched);
      changed();
    },
    codes: () =>
      findings()
        .filter((f) => f.validity !== 'invalid')
        .map((f) => f.code),
    findings,
    places() {
      const byCode = new Map<string, ScanPlace[]>();
      const add = (code: string, place: ScanPlace): void => {
        const list = byCode.get(code);
        if (list) list.push(place);
        else byCode.set(code, [place]);
      };
      for (const occ of texts.occurrences()) add(occ.code, occ.range);
      for (const occ of fields.values()) add(occ.code, occ.field);
      return byCode;
    },
    rescan() {
      prune();
      scan(root);
      texts.settle();
      flushAsks();
      changed();
    },
  };
}

export type { Target };
