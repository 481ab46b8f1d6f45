/**
 * Holds back the question for a code until the person can see it. A hostile page can plant
 * thousands of codes off-screen or hidden and read back what we paint for them (issue 10, finding
 * 3), so a code is asked for only once an element holding it is near the viewport (within one
 * viewport's size of it, so scrolling finds answers waiting) and shown: not `display: none`,
 * `visibility: hidden`, `opacity: 0` or `content-visibility` skipped (`checkVisibility`), not
 * under `aria-hidden="true"`, and not of zero size. An element near the viewport but hidden is
 * looked at again every `recheckMs`, since style changes fire no observer.
 */

export interface VisibilityGateOptions {
  view: Window & typeof globalThis;
  signal: AbortSignal;
  /** How often elements near the viewport but hidden are looked at again. Default 1 000 ms. */
  recheckMs?: number;
}

export interface VisibilityGate {
  /**
   * Calls `shown` once `element` is shown to the person (`measure`, when given, must also have a
   * size: the code's own box). Several calls for one element are all answered together.
   */
  whenShown(element: Element, shown: () => void, measure?: () => DOMRect | null): void;
  /** Elements still waiting. */
  readonly waiting: number;
}

interface Waiter {
  shown: () => void;
  measure: (() => DOMRect | null) | undefined;
}

/** True when `element` (and, when given, the box `measure` returns) can be seen by the person. */
export function isShown(element: Element, measure?: () => DOMRect | null): boolean {
  const check = (element as Element & { checkVisibility?: (o: object) => boolean }).checkVisibility;
  if (check && !check.call(element, { checkVisibilityCSS: true, visibilityProperty: true, opacityProperty: true, contentVisibilityAuto: true })) return false;
  if (element.closest('[aria-hidden="true"]')) return false;
  // Both the element's box (a zero-sized, overflow-hidden container hides its text) and the code's own.
  const box = element.getBoundingClientRect();
  if (box.width <= 0 || box.height <= 0) return false;
  const rect = measure ? measure() : box;
  return rect !== null && rect.width > 0 && rect.height > 0;
}

/** Creates the gate; where `IntersectionObserver` is missing every element counts as shown at once. */
export function createVisibilityGate(o: VisibilityGateOptions): VisibilityGate {
  const { view, signal } = o;
  const recheckMs = o.recheckMs ?? 1000;
  const waiters = new Map<Element, Waiter[]>();
  const near = new Set<Element>();
  let timer: ReturnType<typeof setTimeout> | null = null;

  const Observer = view.IntersectionObserver;
  const observer =
    typeof Observer === 'function'
      ? new Observer(
          (entries) => {
            for (const entry of entries) {
              if (entry.isIntersecting) near.add(entry.target);
              else {
                near.delete(entry.target);
                if (hasNoBox(entry)) rehome(entry.target);
              }
            }
            release();
          },
          { rootMargin: '100% 100% 100% 100%' },
        )
      : null;

  // An element with `display: contents` has no box and never comes near the viewport: its
  // waiters move to the nearest ancestor that has one. Asked here, after layout and only for
  // elements without a box, rather than for every code while the page is scanned, where each
  // style read after a highlight was added would recalculate the whole page's style.
  const hasNoBox = (entry: IntersectionObserverEntry): boolean => entry.boundingClientRect?.width === 0 && entry.boundingClientRect.height === 0;
  const isContents = (element: Element): boolean => element.ownerDocument.defaultView?.getComputedStyle(element).display === 'contents';
  function rehome(element: Element): void {
    const list = waiters.get(element);
    if (!list || !isContents(element)) return;
    let boxed = element.parentElement;
    while (boxed && isContents(boxed)) boxed = boxed.parentElement;
    if (!boxed) return;
    waiters.delete(element);
    observer?.unobserve(element);
    for (const w of list) add(boxed, w);
  }

  function add(element: Element, waiter: Waiter): void {
    const list = waiters.get(element);
    if (list) list.push(waiter);
    else {
      waiters.set(element, [waiter]);
      observer?.observe(element);
    }
  }

  function fire(element: Element): void {
    const list = waiters.get(element) ?? [];
    waiters.delete(element);
    near.delete(element);
    observer?.unobserve(element);
    for (const w of list) w.shown();
  }

  /** Answers every element near the viewport that is shown now; keeps looking at the others. */
  function release(): void {
    if (signal.aborted) return;
    for (const element of [...near]) {
      const list = waiters.get(element);
      if (!list || !element.isConnected) {
        near.delete(element);
        if (!element.isConnected) waiters.delete(element);
        continue;
      }
      if (list.some((w) => isShown(element, w.measure))) fire(element);
    }
    if (near.size > 0 && timer === null) {
      timer = setTimeout(() => {
        timer = null;
        release();
      }, recheckMs);
    }
  }

  signal.addEventListener(
    'abort',
    () => {
      observer?.disconnect();
      if (timer !== null) clearTimeout(timer);
      waiters.clear();
      near.clear();
    },
    { once: true },
  );

  return {
    whenShown(element, shown, measure) {
      if (signal.aborted) return;
      if (!observer) return shown();
      add(element, { shown, measure });
    },
    get waiting() {
      return waiters.size;
    },
  };
}
