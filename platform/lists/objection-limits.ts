/**
 * How many objections may be filed in any 24 hours (issue 10, finding 2: an objection suspends
 * punishment at once, so it must not be free). A department files objections for the subjects
 * that come to it — a handful a day; twenty is far above that and stops a script emptying the
 * black list. A subject's entries are few, and a real objection to one is filed once; three a day
 * leaves room for a second entry or a corrected filing. Over a limit: 429 `rate_limited`.
 */
export interface ObjectionLimits {
  perDepartmentPerDay: number;
  perSubjectPerDay: number;
}

export const OBJECTION_LIMITS: ObjectionLimits = { perDepartmentPerDay: 20, perSubjectPerDay: 3 };
