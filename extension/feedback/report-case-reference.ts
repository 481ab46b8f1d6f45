/**
 * Tells the background the case reference this frame shows (项目编号…), so the feedback section of
 * every card in the tab — often in another frame — starts with it. A typed one still wins.
 */
import type { sendChecked } from '../messaging/send-checked.ts';
import { findCaseReference } from './find-case-reference.ts';

/** Reports the frame's case reference, if it shows one. */
export function reportCaseReference(document: Document, send: typeof sendChecked): void {
  const value = findCaseReference(document);
  if (value) void send('setCaseReference', { value, source: 'page' });
}
