import { sql } from 'kysely';
import type { Repositories } from '../db/repositories.ts';
import { addEntries, addEntry } from '../lists/add-entry.ts';
import { exitEntry, type EntryExit } from '../lists/exit-entry.ts';
import { refreshEntry } from '../lists/refresh-entry.ts';
import { ApiError } from '../server/api-error.ts';
import { entryCapRefusal, sameEntry } from './check-entry-cap.ts';
import { LIST_COLUMNS, mapColumns, REQUIRED_FIELDS } from './list-columns.ts';
import { parseListExit } from './parse-list-exit.ts';
import { parseListRow } from './parse-list-row.ts';
import type { Table } from './read-table-file.ts';

/** What an import did (or, in a dry run, would do). Row numbers count the header as row 1, as spreadsheets do. */
export interface ImportReport {
  dryRun: boolean;
  rows: number;
  /** Rows that became new entries (a new decision document is a new entry). */
  imported: number;
  /** Rows that changed an entry already held (its descriptive fields, dates while plainly listed, or an exit). */
  updated: number;
  /** Rows that describe an entry already held exactly as it is. */
  unchanged: number;
  /** Rows whose entry carries a decision the import never undoes (objection pending, exit, revocation, repair, expiry): which, and why. */
  kept: { row: number; code: string; entryId: string; reason: string; fields: string[] }[];
  /** Rows imported as exits (退出日期 given). */
  exited: number;
  rejected: { row: number; code: string; reason: string }[];
  warnings: { row: number; code: string; message: string }[];
  /** Set when nothing could be imported at all (e.g. a required column is missing). */
  fatal: string | null;
}

class DryRunRollback extends Error {}

/**
 * Imports a published red/black list in one transaction: valid rows are imported, invalid rows are
 * rejected and reported; any database error rolls everything back. A dry run does the same work
 * and rolls back. A row describing an entry already held (same code, list, category and document
 * number) never undoes a decision on it (`refreshEntry`); a row with an exit date is an exit.
 * Every change goes through the entry state machine and lands in the changes feed.
 */
export async function importList(
  repos: Repositories,
  table: Table,
  options: { dryRun?: boolean; mapping?: Record<string, string>; onProgress?: (done: number, total: number) => void; progressEvery?: number } = {},
): Promise<ImportReport> {
  const report: ImportReport = {
    dryRun: options.dryRun ?? false,
    rows: table.rows.length,
    imported: 0,
    updated: 0,
    unchanged: 0,
    kept: [],
    exited: 0,
    rejected: [],
    warnings: [],
    fatal: null,
  };
  const columns = mapColumns(table.headers, options.mapping);
  const missing = REQUIRED_FIELDS.filter((f) => !columns.has(f));
  if (missing.length > 0) {
    report.fatal = `缺少必需列 (missing columns): ${missing.map((f) => LIST_COLUMNS[f][0]).join(', ')}`;
    return report;
  }
  const every = options.progressEvery ?? 10_000;
  try {
    await repos.transaction(async (repos) => {
      let chunks = 0;
      // New entries (no entry held for the row, no exit) wait here and are written together, in
      // multi-row statements; any other row first writes them, then goes through the state machine alone.
      let pending: { row: number; code: string; parsed: ParsedOk }[] = [];
      const flush = async () => {
        if (pending.length === 0) return;
        const written = pending;
        pending = [];
        await addEntries(
          repos,
          written.map((p) => ({ subject: p.parsed.subject, input: p.parsed.entry })),
        );
        for (const p of written) {
          report.imported++;
          for (const message of p.parsed.warnings) report.warnings.push({ row: p.row, code: p.code, message });
        }
      };
      for (let start = 0; start < table.rows.length; start += ROWS_PER_READ) {
        const chunk = table.rows.slice(start, start + ROWS_PER_READ).map((cells, i) => ({ row: start + i + 2, cells, parsed: parseListRow(cells, columns) }));
        // PostgreSQL plans from statistics that know nothing of the rows this transaction added:
        // without counting them again now and then, reading a chunk's codes slowed with every chunk
        // (1M rows: 7.8 s for the first 100k, 24 s for the tenth; with it about 7 s each).
        if (repos.engine === 'postgres' && ++chunks % ANALYZE_EVERY_CHUNKS === 0) await sql`ANALYZE entries`.execute(repos.db);
        // The entries held for the chunk's codes, read at once; kept up to date as rows add to them.
        const held = await repos.entries.listByCodes(chunk.flatMap((c) => (c.parsed.ok ? [c.parsed.entry.code] : [])));
        for (const { row, cells, parsed } of chunk) {
          const index = row - 2;
          const code = (cells[columns.get('code') ?? -1] ?? '').trim();
          const exit = parseListExit(cells, columns);
          const entries = parsed.ok ? (held.get(parsed.entry.code) ?? []) : [];
          const refusal = !parsed.ok ? parsed.reason : (entryCapRefusal(entries, parsed.entry) ?? (exit.ok ? null : exit.reason));
          if (refusal !== null || !parsed.ok || !exit.ok) {
            report.rejected.push({ row, code, reason: refusal ?? '' });
          } else if (!sameEntry(entries, parsed.entry) && exit.exit === null) {
            pending.push({ row, code, parsed });
            held.set(parsed.entry.code, [...entries, { ...parsed.entry, id: PENDING }]);
          } else {
            await flush();
            try {
              // One savepoint a row: a row the state machine refuses leaves nothing behind.
              await repos.transaction((repos) => importRow(repos, report, row, parsed, exit.exit));
              for (const message of parsed.warnings) report.warnings.push({ row, code, message });
            } catch (error) {
              if (!(error instanceof ApiError)) throw error;
              report.rejected.push({ row, code, reason: error.message });
            }
            held.set(parsed.entry.code, await repos.entries.listByCode(parsed.entry.code));
          }
          if (options.onProgress && (index + 1) % every === 0) options.onProgress(index + 1, table.rows.length);
        }
        // Written before the next chunk reads what is held.
        await flush();
      }
      if (report.dryRun) throw new DryRunRollback();
    });
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
  }
  return report;
}

/** Rows parsed, and their codes' entries read, at a time. */
const ROWS_PER_READ = 1000;

/** How often (in chunks: 50,000 rows) a PostgreSQL import has the entries' statistics made again. */
const ANALYZE_EVERY_CHUNKS = 50;

/** The id an entry waiting to be written has in the chunk's view of what is held (never stored). */
const PENDING = 'pending';

type ParsedOk = Extract<ReturnType<typeof parseListRow>, { ok: true }>;

async function importRow(repos: Repositories, report: ImportReport, row: number, parsed: ParsedOk, exit: EntryExit | null): Promise<void> {
  const { entry: input, subject } = parsed;
  const same = input.documentNumber ? await repos.entries.findSame(input.code, input.list, input.category, input.documentNumber) : undefined;
  if (!same) {
    const entry = await addEntry(repos, subject, input);
    if (exit) {
      await exitEntry(repos, entry.id, exit);
      report.exited++;
    }
    report.imported++;
    return;
  }
  await repos.subjects.upsert(subject);
  const refreshed = await refreshEntry(repos, same, input);
  // The published list says it exited: the exit is applied once (a listed entry, under objection too); an exit already held stands.
  if (exit && (refreshed.entry.state === 'active' || refreshed.entry.state === 'disputed')) {
    await exitEntry(repos, same.id, exit);
    report.exited++;
    report.updated++;
    return;
  }
  if (refreshed.outcome === 'kept') report.kept.push({ row, code: same.code, entryId: same.id, reason: refreshed.reason, fields: refreshed.fields });
  else if (refreshed.outcome === 'updated') report.updated++;
  else report.unchanged++;
}
