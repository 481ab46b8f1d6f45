// Makes sure a PostgreSQL server is there for the platform's tests on PostgreSQL (issue 16):
// installs Debian's package when running as root on Debian (as CI does), otherwise stops with a
// one-line instruction. The tests start their own cluster with it (test/support/postgres-cluster.ts).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findPostgresBin } from './find-postgres-bin.mjs';

const isDebian = existsSync('/etc/debian_version') || /debian/i.test(safeRead('/etc/os-release'));
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
let bin = findPostgresBin();
if (!bin) {
  if (!isDebian || !isRoot) {
    console.error(
      "PostgreSQL server not found: install Debian's package with 'sudo apt-get install -y postgresql' (or set POSTGRES_BIN to the folder holding initdb and pg_ctl), then run npm test again.",
    );
    process.exit(1);
  }
  console.log('Installing Debian postgresql for the platform tests on PostgreSQL…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'postgresql'], { stdio: 'inherit', env });
  bin = findPostgresBin();
  if (!bin) {
    console.error('PostgreSQL still not found after installing Debian postgresql: set POSTGRES_BIN to the folder holding initdb and pg_ctl.');
    process.exit(1);
  }
}
console.log(execFileSync(join(bin, 'postgres'), ['--version'], { encoding: 'utf8' }).trim());

function safeRead(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
