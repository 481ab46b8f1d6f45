/**
 * Importing a published list at scale: an in-memory table `{ headers, rows }` of `rows` valid rows
 * in the published list format (platform/import/README.md: the standard Chinese headers, one new
 * black or red entry a row, each on its own subject), imported with importList — the function
 * `npm run platform -- import` calls — into an empty platform database on either engine. File
 * reading and CSV parsing are not part of the time.
 *
 * The import stops early when it is plainly too slow: once `probeRows` rows are done, if the rate
 * so far says the whole table would take longer than `budgetSeconds`, the import is abandoned there
 * (an error thrown from its progress callback rolls its one transaction back) and the result is
 * the rate over those rows, with the time for all of them extrapolated, labelled as such.
 */
import type { PlatformDatabase } from '../platform/db/open-platform-database.ts';
import { createRepositories } from '../platform/db/repositories.ts';
import { importList } from '../platform/import/import-list.ts';
import { LIST_COLUMNS } from '../platform/import/list-columns.ts';
import type { Table } from '../platform/import/read-table-file.ts';
import { BASIS, benchCodes, DEPARTMENT, FACTS, subjectName } from './platform-dataset-rows.ts';

/** The standard headers: the first name of each field in platform/import/list-columns.ts. */
const HEADERS = (
  [
    'code',
    'name',
    'list',
    'category',
    'facts',
    'legalBasis',
    'documentNumber',
    'department',
    'listedOn',
    'validUntil',
    'legalRepresentative',
    'legalRepresentativeId',
  ] as const
).map((field) => LIST_COLUMNS[field][0]!);

/** `rows` valid rows of a published list, deterministic: region 420106 (none of the bench data sets' codes), 70 % black. */
export function publishedListTable(rows: number): Table {
  const codes = benchCodes('420106');
  const table: string[][] = [];
  for (let i = 0; i < rows; i++) {
    const black = i % 10 < 7;
    table.push([
      codes.next().value as string,
      subjectName(i),
      black ? '黑名单' : '红名单',
      black ? '严重违法失信主体' : '纳税信用A级纳税人',
      FACTS,
      BASIS,
      `汉市监处罚〔2025〕${i}号`,
      DEPARTMENT,
      '2025-06-01',
      black ? '2028-06-01' : '长期',
      '张三',
      '420105198001011234',
    ]);
  }
  return { headers: HEADERS, rows: table };
}

/** What one timed import did. */
export interface ImportTiming {
  /** Rows the time covers: all of them, or `probeRows` when it stopped early. */
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  /** False when it stopped early (the figure for the whole table is then an extrapolation). */
  complete: boolean;
  /** Seconds for the whole table: measured when complete, else extrapolated from the rate. */
  wholeSeconds: number;
  imported: number;
  rejected: number;
}

class TooSlow extends Error {}

/** Imports `table` into `database` (empty) and times it; see the file comment for the early stop. */
export async function timeImport(
  database: PlatformDatabase,
  table: Table,
  options: { budgetSeconds: number; probeRows: number; onProgress?: (done: number, seconds: number) => void },
): Promise<ImportTiming> {
  const repos = createRepositories(database);
  const total = table.rows.length;
  const started = performance.now();
  let stoppedAt = 0;
  let stoppedAfter = 0;
  const seconds = () => (performance.now() - started) / 1000;
  try {
    const report = await importList(repos, table, {
      progressEvery: 10_000,
      onProgress: (done) => {
        options.onProgress?.(done, seconds());
        if (done === options.probeRows && done < total && (seconds() / done) * total > options.budgetSeconds) {
          stoppedAt = done;
          stoppedAfter = seconds();
          throw new TooSlow();
        }
      },
    });
    const s = seconds();
    return { rows: total, seconds: s, rowsPerSecond: total / s, complete: true, wholeSeconds: s, imported: report.imported, rejected: report.rejected.length };
  } catch (error) {
    if (!(error instanceof TooSlow)) throw error;
    // The time up to the stop, not the rollback after it.
    const rate = stoppedAt / stoppedAfter;
    return { rows: stoppedAt, seconds: stoppedAfter, rowsPerSecond: rate, complete: false, wholeSeconds: total / rate, imported: stoppedAt, rejected: 0 };
  }
}
