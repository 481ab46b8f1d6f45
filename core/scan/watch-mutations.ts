/**
 * Step 4: one MutationObserver for the page (and each open shadow root the scan finds), batched
 * so a table that loads 500 rows is scanned once. Mutations inside our overlay host, and the
 * host's own insertion, are ignored: our drawing never triggers a scan. Where nodes were removed is
 * reported too: the text on both sides may now read as one (a code split by a removed element).
 */
export interface MutationWatch {
  /** Also watch this (shadow) root. */
  observe(root: Node): void;
}

/** Where nodes were removed from `parent`: between its children `previous` and `next` (null at either end), as they were then. */
export interface RemovalGap {
  parent: Node;
  previous: Node | null;
  next: Node | null;
}

export interface WatchOptions {
  /** Called with the changed subtrees (text nodes or elements) and the removals, at most once per `delayMs`. */
  onChange(changed: Set<Node>, gaps: RemovalGap[]): void;
  /** Nodes whose mutations are ours. */
  ignore(node: Node): boolean;
  signal: AbortSignal;
  delayMs?: number;
}

const OPTIONS: MutationObserverInit = { childList: true, subtree: true, characterData: true };

/** Watches `root`; disconnects when `signal` aborts. */
export function watchMutations(root: Node, options: WatchOptions): MutationWatch {
  const view = (root.ownerDocument ?? (root as Document)).defaultView as (Window & typeof globalThis) | null;
  const Observer = view?.MutationObserver ?? MutationObserver;
  const delayMs = options.delayMs ?? 50;
  let changed = new Set<Node>();
  let gaps: RemovalGap[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;

  const flush = (): void => {
    timer = null;
    const batch = changed;
    const removals = gaps;
    changed = new Set();
    gaps = [];
    if (!options.signal.aborted && (batch.size > 0 || removals.length > 0)) options.onChange(batch, removals);
  };

  const observer = new Observer((records) => {
    for (const record of records) {
      if (options.ignore(record.target)) continue;
      if (record.type === 'characterData') changed.add(record.target);
      else {
        for (const node of record.addedNodes) if (!options.ignore(node)) changed.add(node);
        if (record.removedNodes.length > 0) gaps.push({ parent: record.target, previous: record.previousSibling, next: record.nextSibling });
      }
    }
    if (timer === null && (changed.size > 0 || gaps.length > 0)) timer = setTimeout(flush, delayMs);
  });
  observer.observe(root, OPTIONS);
  options.signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      if (timer !== null) clearTimeout(timer);
    },
    { once: true },
  );
  return { observe: (other) => observer.observe(other, OPTIONS) };
}
