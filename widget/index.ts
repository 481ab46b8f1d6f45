/**
 * The ES module entry for bundlers: `import { createCreditLens } from 'credit-lens/widget'`.
 * Importing it has no side effects; call `createCreditLens(options).defineElement()` to get
 * `<credit-status>`. The script-tag build (`script-tag.ts`) wires the same runtime to
 * `window.CreditLens`.
 */
export { createCreditLens, CREDIT_STATUS_TAG, WIDGET_VERSION, type CreditLens } from './create-credit-lens.ts';
export type { CheckResult, CreditLensEnvironment } from './create-credit-lens-core.ts';
export type { CodeState } from './code-state.ts';
export type { ScanFindingWithVerdict, ScanHandle, ScanOptions } from './scan-container.ts';
export { VERDICT_EVENT, type VerdictEventDetail } from './verdict-event.ts';
export type { CreditLensOptions, TokenProvider, WidgetConfig } from './widget-config.ts';
export type { Verdict, VerdictKind } from '../core/verdict/verdict-types.ts';
export type { CheckContext } from '../core/api/check-context-schema.ts';
export type { RecordOptions } from './create-check-record.ts';
export type { SignedCheckRecord } from '../core/api/check-record-schema.ts';
