import type { CheckContext } from '../core/api/check-context-schema.ts';
import type { Measure } from '../core/api/measure-schema.ts';
import type { StatusResult } from '../core/api/status-schema.ts';
import type { Verdict } from '../core/verdict/verdict-types.ts';
import type { FeedbackRuntime } from './create-feedback-runtime.ts';
import type { WidgetMore } from './load-more.ts';
import type { WidgetConfig } from './widget-config.ts';

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
  /** Feedback queue, given feedback and objections; null while no platform is configured or before `more()` has loaded. */
  feedback(): FeedbackRuntime | null;
  /** Loads the rest of the widget (card, forms, scans, records) once; see load-more.ts. */
  more(): Promise<WidgetMore>;
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
