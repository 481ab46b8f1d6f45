import type { Repositories } from '../db/repositories.ts';
import { addEntry } from '../lists/add-entry.ts';
import { checkEntryCap } from './check-entry-cap.ts';
import { LIST_COLUMNS, mapColumns, REQUIRED_FIELDS } from './list-columns.ts';
import { parseListRow } from './parse-list-row.ts';
import type { Table } from './read-table-file.ts';

/** What an import did (or, in a dry run, would do). Row numbers count the header as row 1, as spreadsheets do. */
export interface ImportReport {
  dryRun: boolean;
  rows: number;
  imported: number;
  updated: number;
  rejected: { row: number; code: string; reason: string }[];
  warnings: { row: number; code: string; message: string }[];
  /** Set when nothing could be imported at all (e.g. a required column is missing). */
  fatal: string | null;
}

class DryRunRollback extends Error {}

/**
 * Imports a published red/black list in one transaction: valid rows are imported (an entry already
 * held — same code, list, category and document number — is updated), invalid rows are rejected
 * and reported; any database error rolls everything back. A dry run does the same work and rolls
 * back. Each change lands in the changes feed.
 */
export function importList(
  repos: Repositories,
  table: Table,
  options: { dryRun?: boolean; mapping?: Record<string, string>; onProgress?: (done: number, total: number) => void; progressEvery?: number } = {},
): ImportReport {
  const report: ImportReport = { dryRun: options.dryRun ?? false, rows: table.rows.length, imported: 0, updated: 0, rejected: [], warnings: [], fatal: null };
  const columns = mapColumns(table.headers, options.mapping);
  const missing = REQUIRED_FIELDS.filter((f) => !columns.has(f));
  if (missing.length > 0) {
    report.fatal = `缺少必需列 (missing columns): ${missing.map((f) => LIST_COLUMNS[f][0]).join(', ')}`;
    return report;
  }
  const every = options.progressEvery ?? 10_000;
  try {
    repos.db.transaction(() => {
      table.rows.forEach((cells, index) => {
        const row = index + 2;
        const parsed = checkEntryCap(repos, parseListRow(cells, columns));
        const code = (cells[columns.get('code') ?? -1] ?? '').trim();
        if (!parsed.ok) {
          report.rejected.push({ row, code, reason: parsed.reason });
        } else {
          for (const message of parsed.warnings) report.warnings.push({ row, code, message });
          const { updated } = addEntry(repos, parsed.subject, parsed.entry, true);
          if (updated) report.updated++;
          else report.imported++;
        }
        if (options.onProgress && (index + 1) % every === 0) options.onProgress(index + 1, table.rows.length);
      });
      if (report.dryRun) throw new DryRunRollback();
    })();
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
  }
  return report;
}
