/**
 * The ES module entry for bundlers: `import { createCreditLens } from 'credit-lens/widget'`.
 * Importing it has no side effects; call `createCreditLens(options).defineElement()` to get
 * `<credit-status>`. The script-tag build (`script-tag.ts`) wires the same runtime to
 * `window.CreditLens`.
 */
export { createCreditLens, CREDIT_STATUS_TAG, WIDGET_VERSION, type CreditLens } from './runtime/create-credit-lens.ts';
export type { CheckResult, CreditLensEnvironment } from './runtime/create-credit-lens-core.ts';
export type { CodeState } from './contract/code-watcher.ts';
export type { ScanFindingWithVerdict, ScanHandle, ScanOptions } from './more/scan-container.ts';
export { VERDICT_EVENT, type VerdictEventDetail } from './contract/verdict-event.ts';
export type { CreditLensOptions, TokenPlatform, TokenProvider, WidgetConfig } from './contract/widget-config.ts';
export type { Verdict, VerdictKind } from '../core/verdict/verdict-types.ts';
export type { CheckContext } from '../core/api/check-context-schema.ts';
export type { RecordOptions } from './more/page-record-request.ts';
export type { CheckRecordSet, RecordPart } from '../core/record/check-record-set-schema.ts';
export type { PlatformConfig } from '../core/platforms/platform-config-schema.ts';
export type { SignedCheckRecord } from '../core/api/check-record-schema.ts';
