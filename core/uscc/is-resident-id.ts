// An 18-character resident identity number (GB 11643) has the same length as a USCC and is all
// digits, so it can look like a code. It is personal data: we must never report it as a code.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** True when `value` is a date YYYYMMDD that exists, with year 1900..`now`'s year. */
function isBirthDate(value: string, now: Date): boolean {
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(4, 6));
  const day = Number(value.slice(6, 8));
  if (year < 1900 || year > now.getFullYear() || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True when the digits look like a resident ID (17 digits then a digit or X, real birth date), whatever its check character. */
export function hasResidentIdShape(code: string, now: Date = new Date()): boolean {
  return /^\d{17}[\dX]$/.test(code) && isBirthDate(code.slice(6, 14), now);
}

/** True when a normalized 18-character string is a valid resident identity number (shape, birth date, mod-11 check). */
export function isResidentId(code: string, now: Date = new Date()): boolean {
  if (!hasResidentIdShape(code, now)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (code.charCodeAt(i) - 48) * (WEIGHTS[i] as number);
  return CHECK[sum % 11] === code[17];
}
