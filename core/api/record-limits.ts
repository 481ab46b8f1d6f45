/**
 * Largest body of the endpoints that take a whole signed check record (`/api/v1/records/verify`,
 * `/api/v1/records/csv`): a record of 500 codes with their entries and measures is far larger
 * than the 64 KiB every other endpoint accepts.
 */
export const MAX_RECORD_BYTES = 4 * 1024 * 1024;
