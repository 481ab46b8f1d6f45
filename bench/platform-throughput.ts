/**
 * Throughput of the reference platform's batch status endpoint (issue 16: the platform at
 * provincial scale), side by side in one run: SQLite and PostgreSQL with 1 and 2 workers on two
 * 1,000,000-subject data sets — the realistic one, where about 10 % of subjects have entries (most
 * subjects of a real platform are on no list), and the worst case, where every subject has one —
 * and PostgreSQL on a realistic 10,000,000-subject data set. For each, autocannon POSTs
 * /api/v1/status with batches of 100 random codes over 32 and 256 connections against the real
 * server (`serve --workers N`, a child process) and prints codes/s, p50/p99, the platform's
 * resident memory and codes per CPU-second, beside the raw ceiling per engine: the same lookups
 * in this process with no HTTP. Then it times importing a published list of 1,000,000 rows
 * (importList) into an empty database on each engine.
 *
 * Data sets (platform-datasets.ts) are generated once and cached: SQLite files under `.bench/`,
 * PostgreSQL databases in a durable cluster in `.bench/pg/` (bench-postgres-cluster.ts, the tests'
 * cluster helper); each phase's time is printed at the end.
 *
 * `npm run bench -- platform`; narrow it with
 *   BENCH_ENGINES=sqlite,postgres   BENCH_WORKERS=1,2   BENCH_CONNECTIONS=32,256
 *   BENCH_DATASETS=realistic,worst (the 1M sets)   BENCH_BIG=0 (skip the 10M set; BENCH_BIG_SUBJECTS its size)
 *   BENCH_SECONDS=8 (each load run, after a 2 s warm-up)   BENCH_REPEATS=3 (runs per connection count, interleaved; medians printed)
 *   BENCH_IMPORT_ROWS=1000000 (0 skips the import)   BENCH_IMPORT_BUDGET=600 (seconds), BENCH_IMPORT_PROBE=100000 (see platform-import.ts)
 */
import { platformDatabaseFiles } from '../platform/db/audit-database.ts';
import { loadavg } from 'node:os';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openPlatformDatabase, type DatabaseTarget } from '../platform/db/open-platform-database.ts';
import { createTestDatabase } from '../test/support/create-test-database.ts';
import { BENCH_PG_SETTINGS, postmasterPid, query, startBenchCluster, type BenchCluster } from './bench-postgres-cluster.ts';
import { DATASET_SHARES, datasetName, type DatasetSpec } from './platform-dataset-rows.ts';
import { ensurePostgresDataset, ensureSqliteDataset, type ReadyDataset } from './platform-datasets.ts';
import { publishedListTable, timeImport, type ImportTiming } from './platform-import.ts';
import { BATCH, batches, loadServer, rawLookupRate, startServer, type LoadFigures } from './platform-load.ts';

type Engine = DatabaseTarget['engine'];
const root = resolve(import.meta.dirname, '..');
const ENGINE_NAMES: Record<Engine, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL' };
const WARM_UP_S = 2;
const DRAIN_MS = 2000;

const list = (name: string, fallback: string) =>
  (process.env[name] ?? fallback)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
const numbers = (name: string, fallback: string) => list(name, fallback).map(Number);

/** The raw ceiling of a data set on an engine: codes/s in each measuring window. */
interface Ceiling {
  dataset: ReadyDataset;
  engine: Engine;
  windows: number[];
}

/** One line of the figures: a data set on an engine with some workers, at every connection count. */
interface Row {
  dataset: ReadyDataset;
  engine: Engine;
  workers: number;
  /** Per connection count, every repeat of it. */
  runs: { connections: number; repeats: LoadFigures[] }[];
}

/** The median of some numbers (the mean of the middle two for an even count). */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const secs = (s: number) => (s >= 120 ? `${(s / 60).toFixed(1)} min` : `${s.toFixed(1)} s`);
/** The range of some figures, for beside their median: ` (min–max)`. */
const range = (values: readonly number[]) => (values.length > 1 ? ` (${fmt(Math.min(...values))}–${fmt(Math.max(...values))})` : '');

/** Runs the benchmark and prints its figures. */
export async function run(): Promise<void> {
  // Ctrl-C: exit normally, so the cluster helper's exit hook stops PostgreSQL.
  const onSignal = () => process.exit(130);
  process.once('SIGINT', onSignal);
  const engines = list('BENCH_ENGINES', 'sqlite,postgres') as Engine[];
  const workerCounts = numbers('BENCH_WORKERS', '1,2');
  const connectionCounts = numbers('BENCH_CONNECTIONS', '32,256');
  const kinds = list('BENCH_DATASETS', 'realistic,worst') as DatasetSpec['kind'][];
  const seconds = Number(process.env.BENCH_SECONDS ?? 8);
  const repeats = Math.max(1, Number(process.env.BENCH_REPEATS ?? 3));
  const big = process.env.BENCH_BIG !== '0' && engines.includes('postgres');
  const bigSubjects = Number(process.env.BENCH_BIG_SUBJECTS ?? 10_000_000);
  const importRows = Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000);
  const importBudget = Number(process.env.BENCH_IMPORT_BUDGET ?? 600);
  const importProbe = Math.min(Number(process.env.BENCH_IMPORT_PROBE ?? 100_000), importRows);
  const startedAt = new Date();
  const loadAtStart = loadavg();
  const phases: { phase: string; seconds: number }[] = [];
  const phase = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    phases.push({ phase: name, seconds: (performance.now() - started) / 1000 });
    return result;
  };
  const say = (line: string) => console.log(line);

  let bench: BenchCluster | undefined;
  if (engines.includes('postgres')) {
    bench = await phase('PostgreSQL cluster start (.bench/pg)', () => startBenchCluster(root));
    say(`PostgreSQL ${bench.version} in ${bench.dir} (${bench.fresh ? 'made now' : 'cached'}), started in ${secs(bench.startSeconds)}`);
  }
  try {
    const rows: Row[] = [];
    const ceilings: Ceiling[] = [];
    const specs: { spec: DatasetSpec; engines: Engine[] }[] = [
      ...kinds.map((kind) => ({ spec: { kind, subjects: 1_000_000 }, engines })),
      ...(big ? [{ spec: { kind: 'realistic', subjects: bigSubjects } as DatasetSpec, engines: ['postgres'] as Engine[] }] : []),
    ];
    for (const { spec, engines: on } of specs) {
      for (const engine of on) {
        const label = `${datasetName(spec)} on ${ENGINE_NAMES[engine]}`;
        const dataset = await phase(`data set ${label} (generate or reuse, sample)`, () =>
          engine === 'sqlite' ? ensureSqliteDataset(root, spec) : ensurePostgresDataset(bench!, spec, say),
        );
        say(
          `${label}: ${fmt(dataset.subjects)} subjects, ${fmt(dataset.entries)} entries (${dataset.generatedSeconds === null ? 'cached' : `generated in ${secs(dataset.generatedSeconds)}`})`,
        );
        const requests = batches(dataset.sample);
        const raw = await phase(`raw ceiling ${label}`, () => rawLookupRate(dataset.target, requests, repeats));
        ceilings.push({ dataset, engine, windows: raw });
        say(`  raw lookUpCodes, no HTTP (1 process, one batch at a time)  ${fmt(median(raw))} codes/s${range(raw)}`);
        for (const workers of workerCounts) {
          const row: Row = { dataset, engine, workers, runs: connectionCounts.map((connections) => ({ connections, repeats: [] })) };
          await phase(`load ${label}, ${workers} worker${workers > 1 ? 's' : ''}`, async () => {
            const server = await startServer(root, dataset.target, workers);
            try {
              const databasePid = bench && engine === 'postgres' ? postmasterPid(bench.cluster) : undefined;
              await loadServer(server, requests, { connections: connectionCounts[0] ?? 32, seconds: WARM_UP_S });
              // Interleaved (32, 256, 32, 256, …): a burst of other work on the machine spreads over both.
              for (let repeat = 0; repeat < repeats; repeat++) {
                for (const run of row.runs) {
                  const figures = await loadServer(server, requests, { connections: run.connections, seconds, ...(databasePid ? { databasePid } : {}) });
                  run.repeats.push(figures);
                  say(`  ${workers} worker${workers > 1 ? 's' : ' '}  ${String(run.connections).padStart(3)} conn  ${runLine(figures)}`);
                }
              }
            } finally {
              // autocannon drops its connections with requests still in flight: let their handlers finish before SIGTERM.
              await new Promise((done) => setTimeout(done, DRAIN_MS));
              await server.stop();
            }
          });
          rows.push(row);
        }
      }
    }

    const imports: { engine: Engine; timing: ImportTiming }[] = [];
    if (importRows > 0) {
      const table = await phase(`published list of ${fmt(importRows)} rows (in memory)`, () => Promise.resolve(publishedListTable(importRows)));
      for (const engine of engines) {
        const timing = await phase(`import ${fmt(importRows)} rows into ${ENGINE_NAMES[engine]}`, () =>
          importInto(engine, bench, table, importBudget, importProbe),
        );
        imports.push({ engine, timing });
        say(`import into an empty ${ENGINE_NAMES[engine]} database: ${importLine(timing, importRows)}`);
      }
    }

    console.log(
      report({
        rows,
        ceilings,
        imports,
        phases,
        connectionCounts,
        seconds,
        repeats,
        bench,
        importRows,
        importBudget,
        importProbe,
        startedAt,
        loadAtStart,
        loadAtEnd: loadavg(),
      }),
    );
  } finally {
    await bench?.cluster.stop();
    process.removeListener('SIGINT', onSignal);
  }
}

/** Times importList of `table` into a new, empty database on `engine` (removed afterwards). */
async function importInto(
  engine: Engine,
  bench: BenchCluster | undefined,
  table: ReturnType<typeof publishedListTable>,
  budgetSeconds: number,
  probeRows: number,
): Promise<ImportTiming> {
  const path = resolve(root, '.bench/import-run.sqlite');
  const removeFile = () => {
    for (const file of platformDatabaseFiles(path)) rmSync(file, { force: true });
  };
  let url: string | undefined;
  if (engine === 'sqlite') removeFile();
  else url = await createTestDatabase(bench!.cluster.url, 'bench_import');
  const database = await openPlatformDatabase(engine === 'sqlite' ? { engine, path } : { engine, url: url! }, 1);
  try {
    return await timeImport(database, table, {
      budgetSeconds,
      probeRows,
      onProgress: (done, s) => {
        if (done % 100_000 === 0) console.log(`  ${ENGINE_NAMES[engine]}: ${fmt(done)} rows in ${secs(s)}…`);
      },
    });
  } finally {
    await database.close();
    if (engine === 'sqlite') removeFile();
    else await query(bench!.cluster.url, `DROP DATABASE "${new URL(url!).pathname.slice(1)}" WITH (FORCE)`);
  }
}

function runLine(f: LoadFigures): string {
  const failures = f.non2xx + f.errors + f.timeouts;
  return `${fmt(f.codesPerSecond).padStart(9)} codes/s  p50 ${String(f.p50).padStart(4)} ms  p99 ${String(f.p99).padStart(5)} ms  max ${String(f.max).padStart(5)} ms  RSS ${f.rssMiB.toFixed(0)} MiB  ${fmt(f.codesPerCpuSecond)} codes per CPU-s${f.databaseCpuShare > 0 ? ` (PostgreSQL ${(f.databaseCpuShare * 100).toFixed(0)} % of it)` : ''}  (${f.requestsPerSecond.toFixed(0)} req/s${failures > 0 ? `; ${f.non2xx} non-2xx, ${f.errors} errors, ${f.timeouts} timeouts` : ''})`;
}

function importLine(t: ImportTiming, rows: number): string {
  return t.complete
    ? `${fmt(t.rows)} rows in ${secs(t.seconds)} (${fmt(t.rowsPerSecond)} rows/s; ${fmt(t.imported)} imported, ${t.rejected} rejected)`
    : `stopped after ${fmt(t.rows)} rows in ${secs(t.seconds)} (${fmt(t.rowsPerSecond)} rows/s): ${fmt(rows)} rows would take ≈ ${secs(t.wholeSeconds)} — EXTRAPOLATED, not measured`;
}

function report(r: {
  rows: Row[];
  ceilings: Ceiling[];
  imports: { engine: Engine; timing: ImportTiming }[];
  phases: { phase: string; seconds: number }[];
  connectionCounts: number[];
  seconds: number;
  repeats: number;
  bench: BenchCluster | undefined;
  importRows: number;
  importBudget: number;
  importProbe: number;
  startedAt: Date;
  loadAtStart: number[];
  loadAtEnd: number[];
}): string {
  const load = (l: number[]) => l.map((x) => x.toFixed(1)).join(' ');
  const out: string[] = [
    '',
    `platform throughput — POST /api/v1/status × ${BATCH} random codes; one server per line, ${r.repeats} runs of ${r.seconds} s at each connection count`,
    `(interleaved, after a ${WARM_UP_S} s warm-up): MEDIANS of the runs, the range of codes/s in brackets (the raw ceiling: ${r.repeats} windows of 2 s).`,
    `autocannon runs on the same cores as the platform (and PostgreSQL);`,
    `RSS = peak resident memory of the platform's processes (PostgreSQL's not included); codes per CPU-s counts the platform's`,
    `processes and, on PostgreSQL, the database server's too. Data sets: ${Object.values(DATASET_SHARES)
      .map((d) => d.label)
      .join('; ')}.`,
    `Started ${r.startedAt.toISOString()}, load average ${load(r.loadAtStart)} then, ${load(r.loadAtEnd)} at the end.`,
  ];
  if (r.bench)
    out.push(
      `PostgreSQL ${r.bench.version}, durable (fsync, synchronous_commit, full_page_writes on), ${Object.entries(BENCH_PG_SETTINGS)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ')}, 10 connections per platform process; SQLite: WAL, synchronous=NORMAL.`,
    );
  const head = ['data set', 'engine', 'workers', ...r.connectionCounts.flatMap((c) => [`codes/s @${c}`, `p50 / p99 ms @${c}`]), 'RSS MiB', 'codes per CPU-s'];
  out.push('', `| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`);
  for (const row of r.rows) {
    const name = `${datasetName(row.dataset.spec)} (${fmt(row.dataset.entries)} entries)`;
    const ceiling = r.ceilings.find((c) => c.dataset === row.dataset && c.engine === row.engine);
    const first = r.rows.find((x) => x.dataset === row.dataset && x.engine === row.engine) === row;
    if (first && ceiling) {
      const cells = [
        name,
        ENGINE_NAMES[row.engine],
        'raw lookUpCodes, no HTTP',
        fmt(median(ceiling.windows)) + range(ceiling.windows),
        '—',
        ...r.connectionCounts.slice(1).flatMap(() => ['', '']),
        '',
        '',
      ];
      out.push(`| ${cells.join(' | ')} |`);
    }
    const all = row.runs.flatMap((run) => run.repeats);
    const failures = all.reduce((n, f) => n + f.non2xx + f.errors + f.timeouts, 0);
    const of = (run: Row['runs'][number], pick: (f: LoadFigures) => number) => median(run.repeats.map(pick));
    const cells = [
      name,
      ENGINE_NAMES[row.engine],
      String(row.workers),
      ...row.runs.flatMap((run) => [
        fmt(of(run, (f) => f.codesPerSecond)) + range(run.repeats.map((f) => f.codesPerSecond)),
        `${fmt(of(run, (f) => f.p50))} / ${fmt(of(run, (f) => f.p99))}`,
      ]),
      fmt(Math.max(...all.map((f) => f.rssMiB))),
      row.runs
        .map((run) => {
          const share = of(run, (f) => f.databaseCpuShare);
          return fmt(of(run, (f) => f.codesPerCpuSecond)) + (share > 0 ? ` (db ${(share * 100).toFixed(0)} %)` : '');
        })
        .join(' / ') + (failures > 0 ? ` — ${failures} failed requests` : ''),
    ];
    out.push(`| ${cells.join(' | ')} |`);
  }
  if (r.imports.length > 0) {
    out.push(
      '',
      `import of a published list (importList, ${fmt(r.importRows)} valid rows in memory, each a new entry on a new subject, into an empty database; stopped at ${fmt(r.importProbe)} rows when the rate says all would take more than ${secs(r.importBudget)})`,
      '',
      `| engine | rows timed | time | rows/s | all ${fmt(r.importRows)} rows |`,
      '|---|---|---|---|---|',
    );
    for (const { engine, timing: t } of r.imports) {
      out.push(
        `| ${ENGINE_NAMES[engine]} | ${fmt(t.rows)} | ${secs(t.seconds)} | ${fmt(t.rowsPerSecond)} | ${t.complete ? secs(t.wholeSeconds) : `≈ ${secs(t.wholeSeconds)} (extrapolated)`} |`,
      );
    }
  }
  out.push('', '| phase | time |', '|---|---|', ...r.phases.map((p) => `| ${p.phase} | ${secs(p.seconds)} |`));
  out.push(`| total | ${secs(r.phases.reduce((s, p) => s + p.seconds, 0))} |`);
  return out.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
