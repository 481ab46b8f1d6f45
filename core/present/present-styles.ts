import { badgeStyles } from './badge-styles.ts';
import { cardStyles } from './card-styles.ts';

/**
 * Styles of the badge and card as one string, adopted by a shadow root as a constructable
 * stylesheet (no `style` attributes, so pages with a strict CSP need no `unsafe-inline`).
 * Themable through `--creditlens-*` custom properties, which inherit into the shadow root, and
 * through `::part(...)` names. Red is the honour list in China, so it is not the alarm colour:
 * black is shown dark with a stop symbol, and unknown is grey and dashed so it never resembles clear.
 */
export const presentStyles = badgeStyles + cardStyles;
