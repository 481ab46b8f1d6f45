import type { CheckContext } from '../../core/api/check-context-schema.ts';
import type { Measure } from '../../core/api/measure-schema.ts';
import type { StatusResult } from '../../core/api/status-schema.ts';
import type { Verdict } from '../../core/verdict/verdict-types.ts';
import type { PresentLocale } from '../../core/present/present-locale.ts';
import type { FeedbackRuntime } from './feedback-runtime.ts';
import type { WidgetConfig } from './widget-config.ts';
import type { WidgetPlatforms } from './widget-platforms.ts';

/**
 * What the parts of the widget say to each other: the element (in the script tag) and the card
 * (loaded on first use) talk to the runtime only through `CodeWatcher`, and the element gets the
 * card through `CardModule`, so neither imports the runtime and the lazy part never imports back.
 */

/** What the widget knows about one code right now. */
export interface CodeState {
  /** Normalized code. */
  code: string;
  verdict: Verdict;
  result: StatusResult | null;
}

/** The part of the runtime a `<credit-status>` element talks to. */
export interface CodeWatcher {
  /** Calls `listener` now (pending or cached) and on every change; returns the unsubscribe. */
  watch(code: string, listener: (state: CodeState) => void): () => void;
  /** The catalogue measures for a context; null when they could not be loaded. */
  measures(context: CheckContext): Promise<Measure[] | null>;
  config(): WidgetConfig;
  now(): Date;
  /** With `platforms`: every platform's client and status (widget/more/create-widget-platforms.ts) once loaded; else null. */
  platforms(): WidgetPlatforms | null;
  /** Feedback queue, given feedback and objections; null while no platform is configured or before `more()` has loaded. */
  feedback(): FeedbackRuntime | null;
  /** Loads the rest of the widget (card, forms, scans, records) once; see load-more.ts. */
  more(): Promise<CardModule>;
  /** The case reference last typed on this page (shared by every card). */
  caseReference(): string;
  setCaseReference(value: string): void;
  /** The name the page shows beside a code (a `name` attribute or found by scanning). */
  pageName(code: string): string | null;
  setPageName(code: string, name: string | null): void;
  /** The codes are shown again (a card opened): those whose answer is past the freshness window are asked again. */
  refreshStale(codes: string[]): void;
  /** Asks the platform again for these codes (e.g. after an objection). */
  invalidate(codes: string[]): Promise<void>;
}

/** What the element knows when it draws the open panel. */
export interface PanelView {
  state: CodeState;
  context: CheckContext;
  locale: PresentLocale;
  platformUrl: string | null;
  now: Date;
  panelId: string;
  /** The name the page shows beside the code (compared with the registered one on the card). */
  pageName: string | null;
}

export interface CreditStatusPanel {
  /** Draws the open card for `view`, or removes it (null). */
  render(view: PanelView | null): void;
  destroy(): void;
}

/** The part of the lazily loaded rest (widget/more/more.ts) an element uses: its open card. */
export interface CardModule {
  createCreditStatusPanel(watcher: CodeWatcher, container: HTMLElement): CreditStatusPanel;
}
