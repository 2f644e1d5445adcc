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

/**
 * Puts `count` audit entries of one kind for a connector straight into IndexedDB (one transaction),
 * dated an hour back and older: the history a long-lived install has gathered.
 */
export function putAuditEntries({ connectorId, kind, count }: { connectorId: string; kind: string; count: number }): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open('patchbay');
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      const tx = db.transaction('audit', 'readwrite');
      const start = Date.now() - 3_600_000 - count;
      for (let n = 0; n < count; n++) {
        tx.objectStore('audit').add({ at: start + n, kind, conversationId: kind === 'server-request' ? '' : 'planted', connectorId, toolName: kind === 'server-request' ? 'elicitation/create' : 'write_note', detail: { planted: n } });
      }
      tx.oncomplete = () => (db.close(), resolve());
      tx.onerror = () => (db.close(), reject(tx.error));
    };
  });
}

/** How many audit entries of each kind a connector has, read raw. */
export function auditKindsOf(connectorId: string): Promise<Record<string, number>> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open('patchbay');
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      const all = db.transaction('audit').objectStore('audit').getAll();
      all.onsuccess = () => {
        const counts: Record<string, number> = {};
        for (const row of all.result as { kind: string; connectorId: string }[]) if (row.connectorId === connectorId) counts[row.kind] = (counts[row.kind] ?? 0) + 1;
        db.close();
        resolve(counts);
      };
      all.onerror = () => (db.close(), reject(all.error));
    };
  });
}
