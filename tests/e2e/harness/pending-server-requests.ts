import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Answers the oldest pending server request of the given kind the way the panel's card sends it
 * (`serverRequests.answer`), read from the panel's own IndexedDB. For tests that need a request
 * answered to go on with something else (a task that elicits): the cards are tested on their own.
 */
export async function answerPendingRequest(page: Page, answer: Record<string, unknown>): Promise<string> {
  const oldestPending = () =>
    page.evaluate(
      () =>
        new Promise<string | null>((resolve) => {
          const open = indexedDB.open('patchbay');
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains('serverRequests')) return resolve(null);
            const all = db.transaction('serverRequests').objectStore('serverRequests').getAll();
            all.onsuccess = () => {
              db.close();
              const pending = (all.result as { id: string; status: string; receivedAt: number }[]).filter((row) => row.status === 'pending').sort((a, b) => a.receivedAt - b.receivedAt);
              resolve(pending[0]?.id ?? null);
            };
            all.onerror = () => resolve(null);
          };
          open.onerror = () => resolve(null);
        }),
    );
  await expect.poll(oldestPending, { timeout: 20_000 }).not.toBeNull();
  const requestId = (await oldestPending())!;
  const reply = await page.evaluate(
    ([requestId, answer]) => chrome.runtime.sendMessage({ channel: 'patchbay/command', command: 'serverRequests.answer', payload: { id: requestId, answer } }),
    [requestId, answer] as const,
  );
  if (!(reply as { ok?: boolean }).ok) throw new Error(`serverRequests.answer was refused: ${JSON.stringify(reply)}`);
  return requestId;
}
