// Where PostgreSQL's server programs (initdb, pg_ctl, postgres) are: POSTGRES_BIN, else Debian's
// /usr/lib/postgresql/<version>/bin (highest version), else what `pg_config --bindir` says.
// Shared by scripts/ensure-postgres.mjs (plain Node, before npm test) and the test cluster.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const PROGRAMS = ['initdb', 'pg_ctl', 'postgres'];
const DEBIAN_ROOT = '/usr/lib/postgresql';

/** The folder holding initdb, pg_ctl and postgres, or null when PostgreSQL's server is not installed. */
export function findPostgresBin() {
  const candidates = [process.env.POSTGRES_BIN, ...debianBinDirs(), pgConfigBinDir()];
  return candidates.find((dir) => dir && PROGRAMS.every((program) => existsSync(join(dir, program)))) ?? null;
}

function debianBinDirs() {
  if (!existsSync(DEBIAN_ROOT)) return [];
  return readdirSync(DEBIAN_ROOT)
    .filter((version) => /^\d+(\.\d+)?$/.test(version))
    .sort((a, b) => Number(b) - Number(a))
    .map((version) => join(DEBIAN_ROOT, version, 'bin'));
}

function pgConfigBinDir() {
  try {
    return execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}
