// Functions passed to `page.evaluate` in an extension page (Playwright or Puppeteer): each is
// self-contained, since only its source crosses into the page.

/** The stored connector id of a label, read from the extension's IndexedDB (null when none). */
export function connectorIdOfLabel(label: string): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open('patchbay');
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      const all = db.transaction('connectors').objectStore('connectors').getAll();
      all.onsuccess = () => (db.close(), resolve((all.result as { id: string; label: string }[]).find((row) => row.label === label)?.id ?? null));
      all.onerror = () => (db.close(), reject(all.error));
    };
  });
}

/**
 * How many rows of each table that belongs to a connector still name `connectorId`: read raw,
 * past Dexie, so a row no screen shows (a ghost) is counted all the same.
 */
export function rowsOfConnector(connectorId: string): Promise<Record<string, number>> {
  const tables = ['evalSuites', 'evalRuns', 'savedCalls', 'toolOverrides', 'serverRequests'];
  return new Promise((resolve, reject) => {
    const request = indexedDB.open('patchbay');
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      const tx = db.transaction(tables);
      const counts: Record<string, number> = {};
      for (const table of tables) {
        const all = tx.objectStore(table).getAll();
        all.onsuccess = () => (counts[table] = (all.result as { connectorId?: unknown }[]).filter((row) => row.connectorId === connectorId).length);
      }
      tx.oncomplete = () => (db.close(), resolve(counts));
      tx.onerror = () => (db.close(), reject(tx.error));
    };
  });
}
