/**
 * Where the widget keeps its list snapshot between page loads (`data-snapshot`, issue 15): the
 * host origin's IndexedDB (its quota is a share of the disk; `localStorage`'s 5 MB is the host's
 * and too small for 100,000 listed codes). One record per platform and credentials; written once
 * per download, never on a feed read. What is read back is checked before use: the signature
 * again (core/snapshot/verify-snapshot.ts, by the caller) and the shape here.
 */
export interface StoredWidgetSnapshot {
  /** Platform and credentials (`platform|token fingerprint`): another token's snapshot is never read. */
  source: string;
  keyId: string;
  publicKey: string;
  bytes: Uint8Array;
}

export interface SnapshotStore {
  load(source: string): Promise<StoredWidgetSnapshot | null>;
  save(snapshot: StoredWidgetSnapshot): Promise<void>;
}
