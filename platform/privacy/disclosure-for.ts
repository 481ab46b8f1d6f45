import type { Caller } from '../auth/caller.ts';

/**
 * What of an answer a caller may see (sections (八), (二十五), (二十七)): which entries (`public`:
 * published ones in their publication period; `full`: every entry and its history), and whether
 * related persons' names and ID numbers are shown or masked.
 */
export interface Disclosure {
  scope: 'public' | 'full';
  names: 'full' | 'masked';
  idNumbers: 'full' | 'masked';
}

/**
 * Least privilege by role: anonymous callers get published entries with personal data masked;
 * `viewer` every entry, persons masked; `department` names, and ID numbers only when the query
 * states its purpose (which the audit log keeps); `admin` everything.
 */
export function disclosureFor(caller: Caller, purpose: string | null | undefined): Disclosure {
  switch (caller.role) {
    case null:
      return { scope: 'public', names: 'masked', idNumbers: 'masked' };
    case 'viewer':
      return { scope: 'full', names: 'masked', idNumbers: 'masked' };
    case 'department':
      return { scope: 'full', names: 'full', idNumbers: purpose && purpose.trim() !== '' ? 'full' : 'masked' };
    case 'admin':
      return { scope: 'full', names: 'full', idNumbers: 'full' };
  }
}
