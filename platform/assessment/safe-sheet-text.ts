/**
 * Text for a spreadsheet cell: prefixed with an apostrophe when it starts like a formula (`=`,
 * `+`, `-`, `@`, tab, CR), as csv-cell.ts does — names and notes come from other people.
 */
export function safeSheetText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
