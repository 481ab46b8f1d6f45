import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * Creates a fresh, empty database on the server `adminUrl` points to (a superuser's URL, such as
 * the test cluster's) and returns its URL: the same URL with the new database's name as its path.
 */
export async function createTestDatabase(adminUrl: string, prefix = 'creditlens_test'): Promise<string> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    // template0: nothing a test or a developer put in template1 leaks into the fresh database.
    await client.query(`CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
