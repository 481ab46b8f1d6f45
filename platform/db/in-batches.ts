/**
 * How many rows of `columns` columns one multi-row INSERT may carry: under SQLite's 32,766 and
 * PostgreSQL's 65,535 bound parameters, with room to spare.
 */
export function rowsPerInsert(columns: number): number {
  return Math.max(1, Math.floor(20_000 / columns));
}

/** `rows` in consecutive slices of at most `size`. */
export function* inBatches<T>(rows: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}
