// A function passed to `page.evaluate` in an extension page (Playwright or Puppeteer): it is
// self-contained, since only its source crosses into the page.

/** One row and the extension's IndexedDB table it goes into. */
export interface RawRow {
  table: string;
  row: Record<string, unknown>;
}

/**
 * Puts a row straight into the extension's IndexedDB, past Dexie and every schema, as a bug, an
 * old build or a hand edit could leave it: how the corrupt-row tests plant what they must survive.
 * No live query hears of it; a page opened afterwards reads it.
 */
export function putRawRow({ table, row }: RawRow): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open('patchbay');
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      const tx = db.transaction(table, 'readwrite');
      tx.objectStore(table).put(row);
      tx.oncomplete = () => (db.close(), resolve());
      tx.onerror = () => reject(tx.error);
    };
  });
}
