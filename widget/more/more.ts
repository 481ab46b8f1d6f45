/**
 * The lazily loaded part of the widget (see load-more.ts): the full credit client, the feedback
 * queue, the open card, container scans, check records and several platforms at once.
 */
export { createCreditClient } from '../../core/api/create-credit-client.ts';
export { createFeedbackRuntime } from './create-feedback-runtime.ts';
export { createCreditStatusPanel } from './credit-status-panel.tsx';
export { scanContainer } from './scan-container.ts';
export { createCheckRecord } from './create-check-record.ts';
export { createCheckRecordSet } from './create-check-record-set.ts';
export { createWidgetPlatforms } from './create-widget-platforms.ts';
export { exportRecord } from './export-record.ts';
export { createWidgetSnapshot } from './create-widget-snapshot.ts';
