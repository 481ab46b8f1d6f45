/**
 * The rest of the widget — the open card and its forms, the feedback queue, container scans and
 * check records — loads on first use, so the script tag carries only what draws badges and
 * answers `check()`. In the ES module build this is a plain dynamic import (a bundler splits
 * it); the script-tag build swaps this file for `load-more-beside-script.ts`.
 */
export type WidgetMore = typeof import('../more/more.ts');

let loading: Promise<WidgetMore> | null = null;

export function loadMore(): Promise<WidgetMore> {
  loading ??= import('../more/more.ts').catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}
