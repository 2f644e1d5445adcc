// Functions passed to `page.evaluate` in an extension page (Playwright or Puppeteer): each is
// self-contained, since only its source crosses into the page. They reach the extension's own
// IndexedDB as any of its pages can, to seed history and to read what the retention kept.

/** What {@link seedSettledHandRuns} stores and {@link settledRequestCounts} reads. */
export interface SeedRequest {
  connectorLabel: string;
  count: number;
  /**
   * They are spread evenly after this time (ms since the epoch) and before now, so every request
   * made later is newer than all of them. Default: the `count` milliseconds before now.
   */
  after?: number;
}

/** Settled requests per place, as stored for one connector. */
export interface SettledCounts {
  withoutConversation: number;
  inConversations: number;
}

/**
 * Stores `count` settled hand-run requests of the labelled connector, received between `after`
 * and now, as a long DevTools session would leave them. Answers the connector's id.
 */
export function seedSettledHandRuns({ connectorLabel, count, after }: SeedRequest): Promise<string> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('patchbay');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(['connectors', 'serverRequests'], 'readwrite');
      const byLabel = tx.objectStore('connectors').index('label').get(connectorLabel);
      byLabel.onsuccess = () => {
        const connectorId = (byLabel.result as { id: string }).id;
        const now = Date.now();
        const start = after ?? now - count;
        const step = (now - start) / (count + 1);
        for (let n = 0; n < count; n += 1) {
          const at = start + step * (n + 1);
          tx.objectStore('serverRequests').put({
            id: `seeded-${now}-${n}`, connectorId, connectorLabel, kind: 'elicitation-form', params: { message: `Seeded ${n}` },
            origin: { type: 'hand-run', callId: 'seeded' }, conversationId: null, unfamiliar: false, receivedAt: at,
            status: 'done', outcome: 'declined', answeredAt: at,
          });
        }
        tx.oncomplete = () => (db.close(), resolve(connectorId));
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

/** The labelled connector's settled requests: those outside any conversation and those in one. */
export function settledRequestCounts(connectorLabel: string): Promise<SettledCounts> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('patchbay');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(['connectors', 'serverRequests'], 'readonly');
      const byLabel = tx.objectStore('connectors').index('label').get(connectorLabel);
      byLabel.onsuccess = () => {
        const id = (byLabel.result as { id: string }).id;
        const range = IDBKeyRange.bound([id, 'done', -Infinity], [id, 'done', Infinity]);
        const rows = tx.objectStore('serverRequests').index('[connectorId+status+receivedAt]').getAll(range);
        rows.onsuccess = () => {
          const settled = rows.result as { conversationId: string | null }[];
          const withoutConversation = settled.filter((row) => row.conversationId === null).length;
          db.close();
          resolve({ withoutConversation, inConversations: settled.length - withoutConversation });
        };
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

/** When the labelled connector's newest stored request was received (0 when it has none). */
export function newestRequestReceivedAt(connectorLabel: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('patchbay');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(['connectors', 'serverRequests'], 'readonly');
      const byLabel = tx.objectStore('connectors').index('label').get(connectorLabel);
      byLabel.onsuccess = () => {
        const id = (byLabel.result as { id: string }).id;
        const rows = tx.objectStore('serverRequests').index('connectorId').getAll(id);
        rows.onsuccess = () => {
          db.close();
          resolve(Math.max(0, ...(rows.result as { receivedAt: number }[]).map((row) => row.receivedAt)));
        };
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}
