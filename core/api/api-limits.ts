/** Limits of the credit-platform API, version 1, shared by the client and the reference platform. */
export const API_VERSION = 'v1';
/** Most codes one `POST /api/v1/status` may carry. */
export const MAX_CODES_PER_STATUS_REQUEST = 500;
/** Largest request body the platform accepts, in bytes. */
export const MAX_REQUEST_BYTES = 64 * 1024;
/** Longest string accepted where a code is expected (the platform answers each one, even if malformed). */
export const MAX_CODE_INPUT_LENGTH = 64;
/** Most changes one `GET /api/v1/changes` page returns. */
export const MAX_CHANGES_PER_PAGE = 1000;
/**
 * Most entries one subject may hold on the platform: import rejects a row that would add more
 * (with its row number), so no subject's answer outgrows `MAX_ENTRIES_PER_ANSWER`.
 */
export const MAX_ENTRIES_PER_SUBJECT = 50;
/** Most entries the answer for one code may carry (status, records); above the subject cap, for data from before it. */
export const MAX_ENTRIES_PER_ANSWER = 200;
