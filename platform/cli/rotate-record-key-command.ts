import { openCommandDatabase, type CommandTarget } from './command-database.ts';
import { compromiseSigningKey } from '../records/compromise-signing-key.ts';
import { rotateSigningKey } from '../records/rotate-signing-key.ts';

/**
 * `rotate-record-key [--compromised --since <ISO time> [--key <keyId>]]`: a new Ed25519 key signs
 * check records from now on; the previous key is retired (public half kept for verification,
 * private half erased), so a record dated after the rotation does not verify with it. With
 * `--compromised`, the key (the current one, or `--key`) is also marked compromised from `--since`:
 * every record it signed since then is untrusted. A platform running on the same database picks
 * the new key up with its next record — no restart.
 */
export async function rotateRecordKeyCommand(
  target: CommandTarget,
  write: (line: string) => void = console.log,
  flags: ReadonlyMap<string, string | true> = new Map(),
): Promise<number> {
  const compromised = flags.get('compromised');
  const since = flags.get('since');
  const key = flags.get('key');
  const unknown = [...flags.keys()].filter((f) => !['compromised', 'since', 'key'].includes(f));
  if (unknown.length > 0 || (compromised === undefined && (since !== undefined || key !== undefined))) {
    write('usage: rotate-record-key [--compromised --since <ISO time> [--key <keyId>]]');
    return 2;
  }
  if (compromised !== undefined && (compromised !== true || typeof since !== 'string' || (key !== undefined && typeof key !== 'string'))) {
    write(
      'rotate-record-key --compromised needs --since <ISO time>, the earliest time the private key may have been copied (e.g. --since 2026-11-01T00:00:00Z)',
    );
    return 2;
  }
  const { repos, name, close } = await openCommandDatabase(target);
  try {
    if (compromised === true) {
      const outcome = await compromiseSigningKey(repos, { since: since as string, ...(typeof key === 'string' && { keyId: key }) });
      if (!outcome.ok) {
        write(`rotate-record-key: ${outcome.error.message}`);
        return outcome.error.kind === 'bad-time' ? 2 : 1;
      }
      write(`record key ${outcome.keyId} marked compromised since ${outcome.since}: records it signed from then on no longer verify (key-compromised)`);
      if (outcome.rotated) report(write, name, outcome.rotated);
      else write(`${outcome.keyId} was already retired; the current signing key is unchanged`);
      return 0;
    }
    report(write, name, await rotateSigningKey(repos));
    return 0;
  } finally {
    await close();
  }
}

function report(write: (line: string) => void, dbPath: string, { current, retired }: Awaited<ReturnType<typeof rotateSigningKey>>): void {
  write(`record signing key ${current.keyId} created in ${dbPath}; records are signed with it from now on`);
  write(
    retired.length > 0
      ? `retired ${retired.join(', ')}: kept for verifying the records it signed before now (public key only; its private key is erased)`
      : 'there was no key before it',
  );
  write(`public key ${current.publicRaw}`);
}
