/**
 * Name and code agree (三要素), in one frame: finds the name the page shows beside each code
 * (core/scan `findAdjacentName`), compares it with the registered name once the platform's answer
 * arrives (core/names `compareNames`), flags mismatches on the page, and reports the frame's codes
 * with their page names to the background (for the popup's list and for check records).
 */
import type { CheckContext } from '../../core/api/check-context-schema.ts';
import { compareNames } from '../../core/names/compare-names.ts';
import { adjacentNameMemo, findAdjacentName } from '../../core/scan/find-adjacent-name.ts';
import type { CodeView } from '../messaging/protocol.ts';
import type { sendChecked } from '../messaging/send-checked.ts';
import type { MismatchFlags } from './create-mismatch-flags.ts';
import type { ScanPlace } from '../../core/scan/create-page-scanner.ts';
import { locateCodes, type CodePlace } from '../../core/scan/locate-codes.ts';

export interface PageNamesOptions {
  document: Document;
  signal: AbortSignal;
  context: CheckContext;
  send: typeof sendChecked;
  /** Wait after the last change before looking again; default 300 ms. */
  delayMs?: number;
  /** Where mismatches are shown (`createMismatchFlags` in the scanner's overlay). */
  flags: MismatchFlags;
  /**
   * The places of the page's codes as the scanner found them (`PageScanner.places`), so the name
   * check does not walk the page again; default: found here (`locateCodes`, one walk per change).
   */
  places?(): Map<string, ScanPlace[]>;
}

export interface PageNames {
  /** The frame changed; these are its codes (the scanner's findings: valid, suspect and invalid). */
  setCodes(codes: Iterable<string>): void;
  /** Answers arrived: their registered names. */
  setViews(views: CodeView[]): void;
  /** The name the page shows beside `code`, when one was found. */
  pageName(code: string): string | null;
  /** True when the page's name and the registered name disagree. */
  mismatch(code: string): boolean;
}

/** Starts following the frame's codes; stops when `signal` aborts. */
export function createPageNames(o: PageNamesOptions): PageNames {
  const { document, signal } = o;
  const { flags } = o;
  let codes = new Set<string>();
  const registered = new Map<string, string | null>();
  const names = new Map<string, string | null>();
  let places = new Map<string, ScanPlace[]>();
  let lastReport = '';
  // A name is looked for again only when the code moved or the text around it changed: on a page
  // of thousands of codes, every mutation batch would otherwise walk every table row again.
  const cache = new Map<string, { anchor: Node; around: string; name: string | null }>();
  let timer: ReturnType<typeof setTimeout> | null = null;

  const isMismatch = (code: string): boolean => compareNames(names.get(code), registered.get(code)) === 'mismatch';

  function refresh(): void {
    timer = null;
    if (signal.aborted) return;
    places = o.places ? o.places() : locateCodes(document, codes);
    names.clear();
    // One look at the page: each row, form or table is read once however many codes it holds.
    const memo = adjacentNameMemo();
    const scopes = new Map<Element | null, string>();
    const fieldsIn = new Map<Node, boolean>();
    for (const code of codes) {
      const list = (places.get(code) ?? []).filter(isCurrent);
      const anchor = list[0] ? anchorOf(list[0]) : null;
      const around = anchor ? surroundings(anchor, scopes, fieldsIn) : '';
      const cached = cache.get(code);
      let name: string | null = null;
      if (anchor && cached?.anchor === anchor && cached.around === around) name = cached.name;
      else {
        for (const place of list) {
          name = findAdjacentName(document, place, memo);
          if (name) break;
        }
        if (anchor) cache.set(code, { anchor, around, name });
      }
      names.set(code, name);
    }
    for (const code of cache.keys()) if (!codes.has(code)) cache.delete(code);
    report();
    showFlags();
  }

  function report(): void {
    const payload = {
      url: document.location.href.slice(0, 8000),
      title: document.title.slice(0, 500) || null,
      context: o.context,
      codes: [...codes].map((code) => ({ code, pageName: names.get(code)?.slice(0, 500) ?? null })),
    };
    const text = JSON.stringify(payload);
    if (text === lastReport) return;
    lastReport = text;
    void o.send('reportPageNames', payload);
  }

  function showFlags(): void {
    const flagged = new Map<string, CodePlace[]>();
    for (const code of codes) if (isMismatch(code)) flagged.set(code, (places.get(code) ?? []).filter(isCurrent).map(liveRange));
    flags.set(flagged);
  }

  function schedule(): void {
    if (timer !== null || signal.aborted) return;
    timer = setTimeout(refresh, o.delayMs ?? 300);
  }
  signal.addEventListener('abort', () => timer !== null && clearTimeout(timer), { once: true });

  return {
    setCodes(next) {
      // Looked at again even when the codes are the same: a name beside them may have changed.
      codes = new Set(next);
      schedule();
    },
    setViews(views) {
      let changed = false;
      for (const view of views) {
        const name = view.result?.subject?.name ?? null;
        if (registered.get(view.code) !== name) changed = true;
        registered.set(view.code, name);
      }
      if (changed) showFlags();
    },
    pageName: (code) => names.get(code) ?? null,
    mismatch: isMismatch,
  };
}

/** A scanner's place may trail a change it has not read yet (its batch runs later): such a place is skipped. */
function isCurrent(place: ScanPlace): boolean {
  if (!('startContainer' in place)) return place.isConnected;
  const { startContainer: a, endContainer: b } = place;
  return a.isConnected && b.isConnected && place.startOffset <= nodeLength(a) && place.endOffset <= nodeLength(b);
}
const nodeLength = (node: Node): number => (node.nodeType === 3 ? (node as Text).length : node.childNodes.length);

/** The flags measure their places: a StaticRange becomes a live Range (only for the few flagged codes). */
function liveRange(place: ScanPlace): CodePlace {
  if (!('startContainer' in place) || 'getBoundingClientRect' in place) return place as CodePlace;
  const range = place.startContainer.ownerDocument!.createRange();
  range.setStart(place.startContainer, place.startOffset);
  range.setEnd(place.endContainer, place.endOffset);
  return range;
}

const anchorOf = (place: ScanPlace): Node => ('startContainer' in place ? place.startContainer : place);

const FIELDS = 'input,textarea';

/**
 * Whether the document or shadow root `root` holds any field, asked once per look (`fieldsIn`): a
 * list page of thousands of codes usually holds none, and then no row is searched for fields.
 */
function hasFields(root: Node, fieldsIn: Map<Node, boolean>): boolean {
  let has = fieldsIn.get(root);
  if (has === undefined) {
    has = 'querySelector' in root && (root as ParentNode).querySelector(FIELDS) !== null;
    fieldsIn.set(root, has);
  }
  return has;
}

/**
 * The text a name beside the code would be part of: its table row, form or block (bounded). A
 * scope's text is read once per look (`scopes`): a page that is one big form holds every code.
 */
function surroundings(anchor: Node, scopes: Map<Element | null, string>, fieldsIn: Map<Node, boolean>): string {
  const element = anchor.nodeType === 1 ? (anchor as Element) : anchor.parentElement;
  const scope = element?.closest('tr') ?? element?.closest('form,fieldset,dl') ?? element?.closest('p,li,td,div') ?? element ?? null;
  const field = anchor.nodeType === 1 ? ((anchor as HTMLInputElement).value ?? '') : '';
  let text = scopes.get(scope);
  if (text === undefined) {
    const fields =
      scope && hasFields(scope.getRootNode(), fieldsIn) ? [...scope.querySelectorAll(FIELDS)].map((f) => (f as HTMLInputElement).value).join('|') : '';
    text = `${(scope?.textContent ?? '').slice(0, 2000)}|${fields.slice(0, 2000)}`;
    scopes.set(scope, text);
  }
  return `${text}|${field}`;
}
