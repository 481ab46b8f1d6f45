import type { SignedCheckRecord } from '../api/check-record-schema.ts';

/**
 * Opens the platform's print-ready page for a record by posting it in a form to
 * `{platform}/records/print` in a new tab (platform/records/README.md, way 1): records of any size
 * work and the record never sits in a URL. The document is passed in; call it from a click
 * handler, or the browser may block the new tab.
 */
export function postPrintForm(signed: SignedCheckRecord, platformUrl: string, doc: Document): void {
  const form = doc.createElement('form');
  form.method = 'post';
  form.action = `${platformUrl.replace(/\/+$/, '')}/records/print`;
  form.target = '_blank';
  form.hidden = true;
  const field = doc.createElement('input');
  field.type = 'hidden';
  field.name = 'record';
  field.value = JSON.stringify(signed);
  form.append(field);
  doc.body.append(form);
  try {
    form.submit();
  } finally {
    form.remove();
  }
}
