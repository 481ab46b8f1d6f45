/**
 * The region a subject is registered in: characters 3–8 of its unified social credit code
 * (GB 32100-2015, the administrative division code of the registration authority), or null
 * when those six are not digits (a mistyped code: only platforms covering `all` answer it).
 */
export function registrationRegion(code: string): string | null {
  const region = code.slice(2, 8);
  return /^\d{6}$/.test(region) ? region : null;
}
