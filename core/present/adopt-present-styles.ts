import { adoptStyleSheet } from './adopt-style-sheet.ts';
import { presentStyles } from './present-styles.ts';

/** Gives a shadow root the badge and card styles, plus `extraCss` (e.g. the widget's own rules). */
export function adoptPresentStyles(root: ShadowRoot, extraCss = ''): void {
  adoptStyleSheet(root, presentStyles + extraCss);
}
