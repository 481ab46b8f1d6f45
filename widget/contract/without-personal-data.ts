/**
 * Page scripts read every `creditlens:verdict` event, so what an event carries holds no personal
 * data: the persons an entry reaches (names, ID numbers) and the subject's legal representative
 * are left out. The card, which a person opens, still shows them as the platform sent them.
 */

/** A copy of plain data with every `persons` list emptied and every `legalRepresentative` cleared. */
export function withoutPersonalData<T>(value: T): T {
  return JSON.parse(JSON.stringify(value), (key, v: unknown) => (key === 'persons' ? [] : key === 'legalRepresentative' ? null : v)) as T;
}
