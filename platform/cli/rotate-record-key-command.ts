import { openDatabase } from '../db/open-database.ts';
import { createRepositories } from '../db/repositories.ts';
import { rotateSigningKey } from '../records/rotate-signing-key.ts';

/**
 * `rotate-record-key`: a new Ed25519 key signs check records from now on; the previous key is
 * retired (public half kept for verification, private half erased). A platform running on the
 * same database picks the new key up with its next record — no restart.
 */
export async function rotateRecordKeyCommand(dbPath: string, write: (line: string) => void = console.log): Promise<number> {
  const db = openDatabase(dbPath);
  try {
    const { current, retired } = await rotateSigningKey(createRepositories(db));
    write(`record signing key ${current.keyId} created in ${dbPath}; records are signed with it from now on`);
    write(retired.length > 0
      ? `retired ${retired.join(', ')}: kept for verifying the records it signed (public key only; its private key is erased)`
      : 'there was no key before it');
    write(`public key ${current.publicRaw}`);
    return 0;
  } finally {
    db.close();
  }
}
