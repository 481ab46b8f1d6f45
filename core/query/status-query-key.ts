import type { CheckContext } from '../api/check-context-schema.ts';

/** Which platform, asked with which credentials: the part of a status query's key above the code. */
export interface StatusSource {
  /** The platform's base URL. */
  platform: string;
  /** Tells credentials apart without holding them (see token-fingerprint.ts). */
  tokenFingerprint: string;
}

/** The first part of every status query's key; query defaults and clean-up go by it. */
export const statusQueryPrefix = (source: StatusSource): [string, string, string] => ['status', source.platform, source.tokenFingerprint];

/**
 * One query per code and context: `['status', platform, tokenFingerprint, code, context]`. The
 * code comes before the context, so the changes feed invalidates a code in every context with
 * the prefix `['status', platform, tokenFingerprint, code]`.
 */
export const statusQueryKey = (source: StatusSource, code: string, context: CheckContext): [string, string, string, string, CheckContext] => [
  ...statusQueryPrefix(source),
  code,
  context,
];
