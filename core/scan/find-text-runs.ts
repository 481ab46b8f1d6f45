/**
 * Step 1b: the unit the matcher reads is a run — consecutive text nodes that flow together inline
 * (`flows-inline.ts`) — so that `<b>91420105</b>756704M24P` is one code, and a letter in the
 * element before a code still makes it part of a longer token. Nearly every run is one node:
 * nodes are joined only when the characters at their seam could continue a code (a code
 * character, or a separator next to one, on both sides), which a Chinese page almost never has,
 * so the layout question is asked rarely and a page without split codes costs one character test
 * per node.
 */
import { foldCodeChar, OTHER, SEPARATOR } from '../uscc/fold-code-char.ts';
import { findTextNodes } from './find-text-nodes.ts';
import { flowsInline } from './flows-inline.ts';

/** Text nodes in document order that read as one text; never empty. */
export type TextRun = readonly Text[];

const NONE = 0;
const CODE = 1;
const SEP = 2;

// CJK and most punctuation (the common case on Chinese pages) without a lookup.
const fold = (c: number): number => (c >= 0x3001 && c < 0xff00 ? OTHER : foldCodeChar(c));

/** How `data` ends: a code character, a separator after one (or a lone separator), or neither. */
function tailOf(data: string): number {
  const n = data.length;
  const last = fold(data.charCodeAt(n - 1));
  if (last >= 0) return CODE;
  return last === SEPARATOR && (n === 1 || fold(data.charCodeAt(n - 2)) >= 0) ? SEP : NONE;
}

/** How `data` starts, read the same way. */
function headOf(data: string): number {
  const first = fold(data.charCodeAt(0));
  if (first >= 0) return CODE;
  return first === SEPARATOR && (data.length === 1 || fold(data.charCodeAt(1)) >= 0) ? SEP : NONE;
}

// Two separators in a row end a code, so a separator on both sides never joins.
const seamMayJoin = (tail: number, head: number): boolean => tail !== NONE && head !== NONE && (tail === CODE || head === CODE);

/** True when the end of `node`'s text could run on into a code in the text after it. */
export function endsOpen(node: Text): boolean {
  return node.length > 0 && tailOf(node.data) !== NONE;
}

/** True when the start of `node`'s text could continue a code from the text before it. */
export function startsOpen(node: Text): boolean {
  return node.length > 0 && headOf(node.data) !== NONE;
}

/** True when text node `b` (after `a`) continues `a` as far as the matcher is concerned. */
export function joinsText(a: Text, b: Text): boolean {
  return a.length > 0 && b.length > 0 && seamMayJoin(tailOf(a.data), headOf(b.data)) && flowsInline(a, b);
}

/**
 * Calls `visitRun` with each run of the readable text under `root` and the length of its text
 * (see `findTextNodes`, whose `visitShadow` and `signal` it passes on). Runs stop at the edges of
 * `root` and of each shadow root.
 */
export function findTextRuns(
  root: Node,
  visitRun: (run: TextRun, length: number) => void,
  visitShadow?: (shadow: ShadowRoot) => void,
  signal?: AbortSignal,
): void {
  let run: Text[] = [];
  let length = 0;
  let tail = NONE;
  findTextNodes(
    root,
    (node) => {
      const data = node.data;
      if (data.length === 0) return;
      if (tail !== NONE && seamMayJoin(tail, headOf(data)) && flowsInline(run[run.length - 1]!, node)) {
        run.push(node);
        length += data.length;
      } else {
        if (run.length > 0) visitRun(run, length);
        run = [node];
        length = data.length;
      }
      tail = tailOf(data);
    },
    visitShadow,
    signal,
  );
  if (run.length > 0) visitRun(run, length);
}

/**
 * The run `node` belongs to, read from the page as it is now: its neighbours in `within` (the
 * scanned root, or the shadow root holding `node`) as far as they join. For re-scanning after a
 * change; `node` must be readable text.
 */
export function textRunAround(node: Text, within: Node): Text[] {
  const doc = node.ownerDocument;
  const walker = doc.createTreeWalker(within, 0x4 /* SHOW_TEXT */);
  const run = [node];
  walker.currentNode = node;
  for (let at = node, prev = walker.previousNode() as Text | null; prev; prev = walker.previousNode() as Text | null) {
    if (prev.length === 0) continue;
    if (!joinsText(prev, at)) break;
    run.unshift(prev);
    at = prev;
  }
  walker.currentNode = node;
  for (let at = node, next = walker.nextNode() as Text | null; next; next = walker.nextNode() as Text | null) {
    if (next.length === 0) continue;
    if (!joinsText(at, next)) break;
    run.push(next);
    at = next;
  }
  return run;
}
