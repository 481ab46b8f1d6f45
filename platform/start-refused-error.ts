/** Why `startPlatform` refused to start. */
export type StartRefusal =
  /** The database file is missing and creating one was not asked for (`serve` without `--create`). */
  | 'missing-database'
  /** The database holds a published demo token and the platform was not told it is a demo (`serve` without `--demo`). */
  | 'demo-tokens'
  /** The demo was asked for (`seed`) on a database that holds other data. */
  | 'not-a-demo-database'
  /** The PostgreSQL server of DATABASE_URL cannot be reached or refuses the connection. */
  | 'database-unreachable';

/** An expected refusal to start, with a message meant for the operator (one line). */
export class StartRefusedError extends Error {
  readonly kind: StartRefusal;

  constructor(kind: StartRefusal, message: string) {
    super(message);
    this.name = 'StartRefusedError';
    this.kind = kind;
  }
}
