import type { Role } from './role.ts';

/** Who is asking: an anonymous caller (role null) or the holder of a valid token. */
export interface Caller {
  role: Role | null;
  tokenId: string | null;
  department: string | null;
  /** The token's label (who it was issued to), used as the operator of a check record when none is given. */
  label?: string | null;
}

/** True for callers without a token: they see public entries only, with personal data masked. */
export function isAnonymous(caller: Caller): boolean {
  return caller.role === null;
}
