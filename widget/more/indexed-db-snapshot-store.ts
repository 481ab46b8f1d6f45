/** The widget's kept list snapshot in the host origin's IndexedDB (the interface: contract/snapshot-store.ts). */
import type { SnapshotStore, StoredWidgetSnapshot } from '../contract/snapshot-store.ts';

const DB = 'creditlens-widget';
const STORE = 'snapshots';

/** The IndexedDB store, or null where the page has none (or it is refused, as in some private windows). */
export function indexedDbSnapshotStore(idb: IDBFactory | undefined = globalThis.indexedDB): SnapshotStore | null {
  if (!idb) return null;
  let opened: Promise<IDBDatabase> | null = null;
  const open = (): Promise<IDBDatabase> =>
    (opened ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = idb.open(DB, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'source' });
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('IndexedDB unavailable'));
    }));
  const run = <T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> =>
    open().then(
      (db) =>
        new Promise<T>((resolve, reject) => {
          const request = act(db.transaction(STORE, mode).objectStore(STORE));
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
        }),
    );
  return {
    async load(source) {
      const value: unknown = await run('readonly', (store) => store.get(source));
      return isStored(value) && value.source === source ? value : null;
    },
    async save(snapshot) {
      await run('readwrite', (store) => store.put({ ...snapshot, bytes: new Uint8Array(snapshot.bytes) }));
    },
  };
}

function isStored(value: unknown): value is StoredWidgetSnapshot {
  const v = value as Partial<StoredWidgetSnapshot> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.source === 'string' &&
    typeof v.keyId === 'string' &&
    typeof v.publicKey === 'string' &&
    v.bytes instanceof Uint8Array
  );
}
