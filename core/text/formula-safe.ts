/**
 * Text for a spreadsheet cell that no spreadsheet runs as a formula: an apostrophe goes before text
 * that starts with `=`, `+`, `-`, `@`, tab or CR (OWASP "CSV injection") — department, measure and
 * page names are not ours to trust. The one rule for every CSV and XLSX CreditLens writes; numbers
 * (a count of -1) are not text and stay as they are. Takes only the text, so it serves as
 * csv-stringify's `cast.string` as it is.
 */
export function formulaSafe(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
