/**
 * The codes in the page's text, kept per run of text nodes (`find-text-runs.ts`) with the ranges
 * painted for them. A run is read as a whole: when one of its nodes changes, or text is added or
 * removed beside it, the run is read again from the page as it is now, so a code split across
 * elements is found, kept and dropped like a code in one node.
 */
import type { UsccReason, UsccValidity } from '../uscc/uscc-types.ts';
import type { VerdictLook } from '../verdict/verdict-palette.ts';
import type { HighlightPainter } from './create-highlight-painter.ts';
import type { TextTarget } from './create-marker-layer.ts';
import { findTextBesideGap, findTextBesideNode, type TextBeside } from './find-text-beside.ts';
import { isInsideSkipped } from './find-text-nodes.ts';
import { endsOpen, findTextRuns, startsOpen, textRunAround, type TextRun } from './find-text-runs.ts';
import { matchTextRun } from './match-text-run.ts';
import type { RemovalGap } from './watch-mutations.ts';

/** One code in the text, with its painted range. */
export interface TextOcc extends TextTarget {
  validity: UsccValidity;
  reasons: UsccReason[];
  range: AbstractRange;
}

export interface TextCodesOptions {
  /** The scanned root; runs are read within it, or within the open shadow root holding them. */
  root: Document | Element;
  document: Document;
  painter: HighlightPainter;
  kindOf(code: string, validity: UsccValidity): VerdictLook;
  /** The kind painted into the page-readable highlight (default `kind`): see `ScanVerdict.pageKind`. */
  pageKindOf?(code: string, validity: UsccValidity): VerdictLook;
  /** Called for each occurrence found (the scanner asks for its verdict, perhaps once it is shown). */
  found(occ: TextOcc): void;
}

export interface TextCodes {
  /** Reads every run under `node`; runs end at its edges (see `changedBeside`). */
  scan(node: Node, visitShadow: (shadow: ShadowRoot) => void, signal: AbortSignal): void;
  /** `node` was added or its text changed: the runs at its edges are read again on `settle`. */
  changedBeside(node: Node): void;
  /** Nodes were removed: the text on both sides of the gap is read again on `settle`. */
  removedAt(gap: RemovalGap): void;
  /** Drops the runs that lost a node; their other nodes are read again on `settle`. */
  prune(): void;
  /** Reads again every run marked since the last call, as the page is now. */
  settle(): void;
  occurrences(): Iterable<TextOcc>;
}

/** The codes of one run; every node of the run maps to it while it has codes. */
interface RunCodes {
  nodes: TextRun;
  occs: TextOcc[];
}

const CODE_LENGTH = 18;

/** Creates the (empty) index; `scan` fills it. */
export function createTextCodes(o: TextCodesOptions): TextCodes {
  const { root, document, painter } = o;
  const view = document.defaultView as (Window & typeof globalThis) | null;
  const runs = new Set<RunCodes>();
  const byNode = new Map<Text, RunCodes>();
  // Text nodes whose run must be read again: a neighbour changed, or their old run broke up.
  const dirty = new Set<Text>();

  // Static ranges cost nothing when the page mutates; live ones are the fallback (happy-dom).
  const makeRange = (node: Text, start: number, endNode: Text, end: number): AbstractRange => {
    if (typeof view?.StaticRange === 'function')
      return new view.StaticRange({ startContainer: node, startOffset: start, endContainer: endNode, endOffset: end });
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(endNode, end);
    return range;
  };

  function dropRun(run: RunCodes): void {
    for (const occ of run.occs) painter.erase(occ.range);
    runs.delete(run);
    for (const node of run.nodes) if (byNode.get(node) === run) byNode.delete(node);
  }

  /** Replaces whatever was recorded for the nodes of `nodes` (`length`: their text's) with the run's codes. */
  function visitRun(nodes: TextRun, length: number): void {
    // Read for every text node of the page: the first scan, with nothing recorded yet, skips the lookups.
    if (byNode.size > 0) {
      let members: Set<Text> | null = null;
      for (const node of nodes) {
        const old = byNode.get(node);
        if (!old) continue;
        dropRun(old);
        if (old.nodes.length === 1) continue;
        // A run that lost a node: its other nodes may now form runs of their own.
        members ??= new Set(nodes);
        for (const other of old.nodes) if (!members.has(other)) dirty.add(other);
      }
    }
    if (length < CODE_LENGTH) return;
    const found = matchTextRun(nodes);
    if (found.length === 0) return;
    const run: RunCodes = { nodes, occs: [] };
    for (const { match: m, node, start, endNode, end } of found) {
      const range = makeRange(node, start, endNode, end);
      const suspect = m.validity === 'suspect';
      const kind = o.kindOf(m.code, m.validity);
      const pageKind = o.pageKindOf?.(m.code, m.validity) ?? kind;
      const occ: TextOcc = {
        code: m.code,
        validity: m.validity,
        reasons: m.reasons,
        kind,
        suspect,
        veiled: pageKind !== kind,
        node,
        start,
        endNode,
        end,
        range,
      };
      run.occs.push(occ);
      painter.paint(range, pageKind);
      if (suspect) painter.flagSuspect(range, true);
      o.found(occ);
    }
    runs.add(run);
    for (const node of nodes) byNode.set(node, run);
  }

  /** The tree a node's run is read in: the scanned root, or the open shadow root holding it (or being it); null outside both. */
  function scopeOf(node: Node): Node | null {
    if (root.contains(node)) return root;
    const top = node.getRootNode();
    return top.nodeType === 11 ? top : null;
  }

  // Text beside a change is read again only when its side facing the change could join it: on a
  // Chinese page the text beside an added row or a changed cell almost never can.
  const mark = ({ before, after }: TextBeside): void => {
    if (before && endsOpen(before)) dirty.add(before);
    if (after && startsOpen(after)) dirty.add(after);
  };

  return {
    scan(node, visitShadow, signal) {
      findTextRuns(node, visitRun, visitShadow, signal);
    },
    changedBeside(node) {
      const scope = node.isConnected ? scopeOf(node) : null;
      if (scope && scope !== node) mark(findTextBesideNode(scope, node));
    },
    removedAt(gap) {
      const scope = gap.parent.isConnected ? scopeOf(gap.parent) : null;
      if (scope) mark(findTextBesideGap(scope, gap.parent, gap.previous, gap.next));
    },
    prune() {
      for (const run of [...runs]) {
        if (run.nodes.every((node) => node.isConnected)) continue;
        dropRun(run);
        for (const node of run.nodes) if (node.isConnected) dirty.add(node);
      }
    },
    settle() {
      const done = new Set<Text>();
      for (const node of dirty) {
        dirty.delete(node);
        if (done.has(node) || !node.isConnected || node.length === 0) continue;
        const scope = scopeOf(node);
        if (!scope || isInsideSkipped(node)) continue;
        const run = textRunAround(node, scope);
        let length = 0;
        for (const n of run) {
          done.add(n);
          length += n.length;
        }
        visitRun(run, length);
      }
    },
    *occurrences() {
      for (const run of runs) yield* run.occs;
    },
  };
}
