/**
 * Keeps the admin's work across a page reload: the review with every fix made in place, and what
 * sending has confirmed so far. Stored in IndexedDB under a key per uploader; never holds a password.
 * Where IndexedDB is missing or refused (some private windows), nothing is saved and nothing fails.
 * @module
 */
import type { ValidationReport } from '../../core/types.js';
import type { RowResult } from '../../core/csv/results.js';

/** What is saved: the file's name, the report as fixed so far, and the send results by spreadsheet row. */
export interface SavedSession {
  version: 1;
  savedAt: number;
  fileName: string;
  report: ValidationReport;
  /** Send results by spreadsheet row; rows without one were not sent or not answered yet. */
  results: Array<[number, RowResult]>;
  /** Where the admin was: reviewing, sending (interrupted), or done. */
  phase: 'review' | 'sending' | 'done';
}

const DB = 'bulk-enroll';
const STORE = 'sessions';

function open(): Promise<IDBDatabase | undefined> {
  if (typeof indexedDB === 'undefined') return Promise.resolve(undefined);
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = indexedDB.open(DB, 1);
    } catch {
      resolve(undefined);
      return;
    }
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => resolve(undefined);
    request.onblocked = () => resolve(undefined);
  });
}

async function run<T>(mode: IDBTransactionMode, action: (store: IDBObjectStore) => IDBRequest<T>): Promise<T | undefined> {
  const db = await open();
  if (!db) return undefined;
  try {
    return await new Promise<T | undefined>((resolve) => {
      const transaction = db.transaction(STORE, mode);
      const request = action(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = () => resolve(undefined);
      transaction.onabort = () => resolve(undefined);
    });
  } catch {
    return undefined;
  } finally {
    db.close();
  }
}

/** The saved session of one uploader, by its storage key. */
export class SessionStore {
  /** The IndexedDB key the session is stored under. */
  readonly key: string;

  constructor(key: string) {
    this.key = key;
  }

  /** The saved session, if there is a usable one. */
  async load(): Promise<SavedSession | undefined> {
    const saved = (await run('readonly', (store) => store.get(this.key))) as SavedSession | undefined;
    return saved && saved.version === 1 && Array.isArray(saved.report?.rows) ? saved : undefined;
  }

  /** Saves (replaces) the session. Writes are queued so that the last one wins. */
  save(session: Omit<SavedSession, 'version' | 'savedAt'>): Promise<void> {
    const value: SavedSession = { version: 1, savedAt: Date.now(), ...session };
    this.#queue = this.#queue.then(() => run('readwrite', (store) => store.put(value, this.key))).then(() => undefined);
    return this.#queue;
  }

  /** Forgets the session. */
  clear(): Promise<void> {
    this.#queue = this.#queue.then(() => run('readwrite', (store) => store.delete(this.key))).then(() => undefined);
    return this.#queue;
  }

  #queue: Promise<void> = Promise.resolve();
}
