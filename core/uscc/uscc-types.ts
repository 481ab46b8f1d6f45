/** Why a string is not a well-formed unified social credit code; one entry per failed check. */
export type UsccReason = 'length' | 'charset' | 'authority' | 'category' | 'region' | 'checksum';

/** `valid`: every check passes; `suspect`: only the check character fails; `invalid`: anything else. */
export type UsccValidity = 'valid' | 'suspect' | 'invalid';

/** The result of parsing one unified social credit code (GB 32100-2015). */
export interface UsccParse {
  /** What was given. */
  input: string;
  /** Normalized: uppercase, half-width, separators and surrounding punctuation removed. */
  code: string;
  /** valid: all checks pass; suspect: ONLY the check character fails; invalid: anything else. */
  validity: UsccValidity;
  /** Every failed check. */
  reasons: UsccReason[];
  /** True when the string is really an 18-character resident identity number (GB 11643); validity is then 'invalid'. */
  residentId: boolean;
}
