/**
 * The names we register in `CSS.highlights`, one per verdict kind. They are public: a site can
 * restyle our marks with `::highlight(creditlens-black)`, and tests read them back.
 */
import type { VerdictLook } from '../verdict/verdict-palette.ts';

/** `creditlens-<kind>`. */
export function highlightName(kind: VerdictLook): string {
  return `creditlens-${kind}`;
}

/**
 * Laid over a code's verdict highlight when only its check character is wrong (a suspect code):
 * it is still queried and painted with its verdict, and this flag says the code itself is doubtful.
 */
export const SUSPECT_HIGHLIGHT = 'creditlens-suspect';

/** The tag of our overlay host; the scanner never looks inside it. */
export const OVERLAY_TAG = 'creditlens-overlay';
