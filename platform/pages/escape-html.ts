import { stripControls } from '../../core/text/strip-controls.ts';

/**
 * Escapes text for HTML content and attribute values: platform data is always text, never markup.
 * Invisible bidi and zero-width controls are dropped first (core/text/strip-controls.ts), so stored
 * data cannot reorder what a page shows (a U+202E once reversed a masked ID number).
 */
export function escapeHtml(text: string): string {
  return stripControls(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}
