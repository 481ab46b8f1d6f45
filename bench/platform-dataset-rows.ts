/**
 * The platform bench's data sets as rows, engine-neutral: `n` subjects with deterministic, unique,
 * valid codes (region 420105) and, for a share of them, one or two entries (70 % black). The same
 * generator fills the SQLite file and the PostgreSQL database, so a 1M data set holds the same
 * rows on both engines. Rows come in column batches, ready for prepared inserts (SQLite) or
 * `INSERT … SELECT FROM unnest($1::text[], …)` (PostgreSQL).
 */
import { orgCodeCheckChar } from '../core/uscc/org-code-check-char.ts';
import { usccCheckChar } from '../core/uscc/uscc-check-char.ts';
import { mulberry32 } from '../platform/seed/mulberry32.ts';

/** Bump when the generated data change: the cached SQLite files and PostgreSQL databases are rebuilt. */
export const DATASET_VERSION = 1;

/** A data set the bench loads the platform with. */
export interface DatasetSpec {
  /** `realistic` (~10 % of subjects have entries) or `worst` (every subject has one). */
  kind: 'realistic' | 'worst';
  subjects: number;
}

export const DATASET_SHARES: Record<DatasetSpec['kind'], { share: number; label: string }> = {
  realistic: { share: 0.1, label: 'realistic: ~10 % of subjects with entries' },
  worst: { share: 1, label: 'worst case: every subject has an entry' },
};

/** The mark stored in `meta.benchDataset`: a cached data set is reused only when it matches. */
export function datasetMark(spec: DatasetSpec): string {
  return `${spec.kind}-v${DATASET_VERSION}-${spec.subjects}`;
}

/** A short name for tables and file names: `realistic-1M`, `realistic-10M`. */
export function datasetName(spec: DatasetSpec): string {
  return `${spec.kind}-${spec.subjects % 1_000_000 === 0 ? `${spec.subjects / 1_000_000}M` : spec.subjects}`;
}

export const FACTS =
  '经查，该单位在经营活动中存在违反《中华人民共和国产品质量法》的行为，生产销售不合格产品，货值金额较大，情节严重，依法予以行政处罚并列入严重失信主体名单。';
export const BASIS = '《市场监督管理严重违法失信名单管理办法》第二条、第九条';
export const DEPARTMENT = '区市场监管局';
export const LISTED_ON = '2025-06-01';
export const VALID_UNTIL = '2028-06-01';
const NAMES = ['武汉汉阳', '湖北长江', '汉江', '龟山', '月湖', '晴川', '琴台', '墨水湖'];
const TRADES = ['商贸有限公司', '建筑工程有限公司', '餐饮管理有限公司', '科技有限公司', '物流有限公司', '食品有限公司'];
const BLACK_PERSONS = JSON.stringify([{ role: 'legal-representative', name: '张三', idNumber: '420105198001011234' }]);

/** The i-th subject's name. */
export function subjectName(i: number): string {
  return `${NAMES[i % NAMES.length]}${TRADES[i % TRADES.length]}${i}`;
}

/** Valid codes, deterministic and unique, in increasing order: region 420105, organization code from a counter. */
export function* benchCodes(region = '420105'): Generator<string> {
  for (let i = 0; ; i++) {
    const body = String(10_000_000 + i);
    const orgCheck = orgCodeCheckChar(body);
    if (orgCheck === null) continue;
    const first17 = `91${region}${body}${orgCheck}`;
    yield first17 + usccCheckChar(first17);
  }
}

/** One batch of subjects and the entries on them, column by column (the columns that vary; the rest are constants above). */
export interface RowBatch {
  subjects: { code: string[]; name: string[] };
  entries: { id: string[]; code: string[]; list: ('black' | 'red')[]; category: string[]; documentNumber: string[]; repairable: number[]; persons: string[] };
}

/** The data set's rows, `batchSubjects` subjects a batch (with their entries). */
export function* datasetRows(spec: DatasetSpec, batchSubjects: number): Generator<RowBatch> {
  const next = mulberry32(2018);
  const share = DATASET_SHARES[spec.kind].share;
  const source = benchCodes();
  let batch = emptyBatch();
  for (let i = 0; i < spec.subjects; i++) {
    const code = source.next().value as string;
    batch.subjects.code.push(code);
    batch.subjects.name.push(subjectName(i));
    if (next() < share) {
      const black = next() < 0.7;
      const n = next() < 0.15 ? 2 : 1;
      for (let k = 0; k < n; k++) {
        const e = batch.entries;
        e.id.push(`bench-${i}-${k}`);
        e.code.push(code);
        e.list.push(black ? 'black' : 'red');
        e.category.push(black ? 'market-serious-violation' : 'tax-a');
        e.documentNumber.push(`汉市监处罚〔2025〕${i}号`);
        e.repairable.push(black ? 1 : 0);
        e.persons.push(black ? BLACK_PERSONS : '[]');
      }
    }
    if (batch.subjects.code.length === batchSubjects) {
      yield batch;
      batch = emptyBatch();
    }
  }
  if (batch.subjects.code.length > 0) yield batch;
}

function emptyBatch(): RowBatch {
  return {
    subjects: { code: [], name: [] },
    entries: { id: [], code: [], list: [], category: [], documentNumber: [], repairable: [], persons: [] },
  };
}
