import { leaveDemo } from '../auth/demo-tokens.ts';
import { createToken } from '../auth/create-token.ts';
import { openCommandDatabase, type CommandTarget } from './command-database.ts';
import type { CommandOutput } from './token-command.ts';

/** The department of the first admin token unless `--department` names one. */
export const DEFAULT_ADMIN_DEPARTMENT = '信用平台管理';

/**
 * `init [--department D] [--label L]`: starts a new, real platform — creates the database when
 * missing, marks it as holding real data (never the demo) and prints its first admin token, this
 * once. Refuses when the database already has an admin token that is not revoked (issue more with
 * `token create`, or `token revoke` the old one first).
 */
export async function initCommand(target: CommandTarget, flags: Map<string, string | true>, out: CommandOutput = console): Promise<number> {
  const { repos, name, close } = await openCommandDatabase(target);
  try {
    const admins = (await repos.tokens.list()).filter((t) => t.role === 'admin' && t.revokedAt === null);
    if (admins.length > 0) {
      out.error(`init: ${name} already has an admin token (${admins.map((t) => t.id).join(', ')}); issue more with token create, or revoke first`);
      return 1;
    }
    const department = flags.get('department');
    const label = flags.get('label');
    let token = '';
    let id = '';
    await repos.transaction(async (repos) => {
      await leaveDemo(repos);
      ({ id, token } = await createToken(
        repos,
        typeof department === 'string' ? department : DEFAULT_ADMIN_DEPARTMENT,
        'admin',
        typeof label === 'string' ? label : 'first admin',
      ));
    });
    out.log(
      `platform database ${name} is ready; its first admin token (${id}):\n${token}\n(stored hashed; this is the only time it is shown — issue department tokens with it or with token create)`,
    );
    return 0;
  } finally {
    await close();
  }
}
