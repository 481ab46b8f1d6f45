import { createToken } from '../auth/create-token.ts';
import { ROLES, type Role } from '../auth/role.ts';
import { MissingDatabaseError } from '../db/open-database.ts';
import type { Repositories } from '../db/repositories.ts';
import { openCommandDatabase, type CommandDatabase, type CommandTarget } from './command-database.ts';

/** Where a command's lines go (stdout, stderr). */
export interface CommandOutput {
  log(line: string): void;
  error(line: string): void;
}

const USAGE = `token create --department D --role <${ROLES.join('|')}> [--label L] | token list | token revoke <id>`;

/**
 * `token create|list|revoke` on the database at `dbPath`, which must exist (a new platform starts
 * with `init`). Whoever can run these can read the database file, so they need no token. `list`
 * shows id, department, role, label, created and revoked — never a token or its hash. A revoked
 * token is refused (401) from the next request on, also by a platform already running.
 */
export async function tokenCommand(
  target: CommandTarget,
  args: readonly string[],
  flags: Map<string, string | true>,
  out: CommandOutput = console,
): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'create' && sub !== 'list' && sub !== 'revoke') {
    out.error(`usage: ${USAGE}`);
    return 2;
  }
  let opened: CommandDatabase;
  try {
    opened = await openCommandDatabase(target, false);
  } catch (error) {
    if (!(error instanceof MissingDatabaseError)) throw error;
    out.error(`token ${sub}: there is no database at ${error.path} (start a new platform with: npm run platform -- init)`);
    return 1;
  }
  const { repos, close } = opened;
  try {
    if (sub === 'create') return await create(repos, flags, out);
    if (sub === 'list') return await list(repos, out);
    return await revoke(repos, rest[0], out);
  } finally {
    await close();
  }
}

async function create(repos: Repositories, flags: Map<string, string | true>, out: CommandOutput): Promise<number> {
  const department = flags.get('department');
  const role = flags.get('role');
  if (typeof department !== 'string' || typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) {
    out.error(`token create needs --department <name> --role <${ROLES.join('|')}>`);
    return 2;
  }
  const label = flags.get('label');
  const { id, token } = await createToken(repos, department, role as Role, typeof label === 'string' ? label : null);
  out.log(`token ${id} for ${department} (${role}):\n${token}\n(stored hashed; this is the only time it is shown)`);
  return 0;
}

/** Columns a text takes in a terminal: Chinese characters (and other wide ones) take two. */
const columns = (text: string): number =>
  [...text].reduce((n, c) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(c) ? 2 : 1), 0);

async function list(repos: Repositories, out: CommandOutput): Promise<number> {
  const rows = (await repos.tokens.list()).map((t) => [t.id, t.department, t.role, t.label ?? '-', t.createdAt, t.revokedAt ?? '-']);
  const table = [['id', 'department', 'role', 'label', 'created', 'revoked'], ...rows];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => columns(r[i] as string))));
  for (const row of table)
    out.log(
      row
        .map((cell, i) => cell + ' '.repeat((widths[i] as number) - columns(cell)))
        .join('  ')
        .trimEnd(),
    );
  if (rows.length === 0) out.log('(no tokens: create the first admin token with npm run platform -- init)');
  return 0;
}

async function revoke(repos: Repositories, id: string | undefined, out: CommandOutput): Promise<number> {
  if (!id) {
    out.error('token revoke needs the id of a token (see token list)');
    return 2;
  }
  const token = await repos.tokens.findById(id);
  if (!token) {
    out.error(`token revoke: there is no token ${id} (see token list)`);
    return 1;
  }
  if (!(await repos.tokens.revoke(id, new Date().toISOString()))) {
    out.log(`token ${id} was revoked already (${token.revokedAt})`);
    return 0;
  }
  out.log(`revoked token ${id} (${token.department}, ${token.role}): it is refused from the next request on`);
  return 0;
}
