import { webcrypto } from 'node:crypto';

/** WebCrypto as core/record expects it (Node's `webcrypto.subtle`). */
export const platformSubtle: SubtleCrypto = webcrypto.subtle as unknown as SubtleCrypto;
