/**
 * The overlay-only switch (settings `highlightApi: false`): removes `CSS.highlights` and
 * `Highlight` from the content script's own JavaScript world before anything of ours looks for
 * them, so the scanner's painter and the name flags take exactly the path they take on a browser
 * without the Highlight API (Chromium before 105): overlay markers only. Our world is isolated
 * from the page's, so the page keeps its own `CSS.highlights` untouched.
 */

/** Makes `view` look like a browser without the CSS Custom Highlight API; true when it now does. */
export function withholdHighlightApi(view: Window & typeof globalThis): boolean {
  const css = view.CSS as unknown as Record<string, unknown> | undefined;
  if (css && 'highlights' in css) remove(css, 'highlights');
  if ('Highlight' in view) remove(view as unknown as Record<string, unknown>, 'Highlight');
  return !view.CSS?.highlights && typeof (view as { Highlight?: unknown }).Highlight !== 'function';
}

/** Deletes `key`, or where it cannot be deleted (not configurable) overwrites it with undefined. */
function remove(target: Record<string, unknown>, key: string): void {
  if (!Reflect.deleteProperty(target, key)) Reflect.defineProperty(target, key, { value: undefined });
}
