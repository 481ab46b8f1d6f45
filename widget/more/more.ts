/**
 * The lazily loaded part of the widget (see load-more.ts): the full credit client, the feedback
 * queue, the open card, container scans and check records.
 */
export { createCreditClient } from '../../core/api/create-credit-client.ts';
export { createFeedbackRuntime } from './create-feedback-runtime.ts';
export { createCreditStatusPanel } from './credit-status-panel.tsx';
export { scanContainer } from './scan-container.ts';
export { createCheckRecord } from './create-check-record.ts';
export { exportRecord } from './export-record.ts';
export { createWidgetSnapshot } from './create-widget-snapshot.ts';
