/**
 * Step 4: one MutationObserver for the page (and each open shadow root the scan finds), batched
 * so a table that loads 500 rows is scanned once. Mutations inside our overlay host, and the
 * host's own insertion, are ignored: our drawing never triggers a scan.
 */
export interface MutationWatch {
  /** Also watch this (shadow) root. */
  observe(root: Node): void;
}

export interface WatchOptions {
  /** Called with the changed subtrees (text nodes or elements), at most once per `delayMs`. */
  onChange(changed: Set<Node>, removed: boolean): void;
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
  let removed = false;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const flush = (): void => {
    timer = null;
    const batch = changed;
    const hadRemovals = removed;
    changed = new Set();
    removed = false;
    if (!options.signal.aborted && (batch.size > 0 || hadRemovals)) options.onChange(batch, hadRemovals);
  };

  const observer = new Observer((records) => {
    for (const record of records) {
      if (options.ignore(record.target)) continue;
      if (record.type === 'characterData') changed.add(record.target);
      else {
        for (const node of record.addedNodes) if (!options.ignore(node)) changed.add(node);
        if (record.removedNodes.length > 0) removed = true;
      }
    }
    if (timer === null && (changed.size > 0 || removed)) timer = setTimeout(flush, delayMs);
  });
  observer.observe(root, OPTIONS);
  options.signal.addEventListener('abort', () => {
    observer.disconnect();
    if (timer !== null) clearTimeout(timer);
  }, { once: true });
  return { observe: (other) => observer.observe(other, OPTIONS) };
}
