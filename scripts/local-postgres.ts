// `npm run postgres`: a local PostgreSQL server for the platform (DATABASE_URL), kept in
// data/postgres/ (made by initdb on the first run, durable), on 127.0.0.1:POSTGRES_PORT (default
// 54329), with a `creditlens` database. Prints the DATABASE_URL to use and runs until Ctrl+C.
// Needs PostgreSQL's server programs: node scripts/ensure-postgres.mjs says how to get them.
import { resolve } from 'node:path';
import pg from 'pg';
import { startPostgresCluster } from '../test/support/postgres-cluster.ts';

const port = process.env.POSTGRES_PORT ? Number(process.env.POSTGRES_PORT) : 54329;
const cluster = await startPostgresCluster({ dir: resolve(import.meta.dirname, '../data/postgres'), port, durable: true });
const admin = new pg.Client({ connectionString: cluster.url });
await admin.connect();
const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', ['creditlens']);
if (found.rowCount === 0) await admin.query(`CREATE DATABASE creditlens TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`);
await admin.end();
const url = new URL(cluster.url);
url.pathname = '/creditlens';
console.log(`PostgreSQL is running (data in ${cluster.dir}). In another terminal:

  DATABASE_URL=${url} npm start
  DATABASE_URL=${url} npm run platform -- serve --workers 2

Ctrl+C stops it; the data stays for the next npm run postgres.`);
const stop = async () => {
  await cluster.stop();
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
// Nothing else keeps this process alive, and the server stops when it exits.
setInterval(() => undefined, 60_000);
