import type { CheckContext } from '../core/api/check-context-schema.ts';
import type { Measure } from '../core/api/measure-schema.ts';
import type { StatusResult } from '../core/api/status-schema.ts';
import type { Verdict } from '../core/verdict/verdict-types.ts';
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
}
