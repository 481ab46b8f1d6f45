import type { SignedCheckRecord } from '../../core/api/check-record-schema.ts';
import { postPrintForm } from '../../core/record/post-print-form.ts';

/** Opens the platform's print-ready page for a record (a posted form; see core/record/post-print-form.ts). */
export function openPrintView(signed: SignedCheckRecord, platform: string, doc: Document = document): void {
  postPrintForm(signed, platform, doc);
}
