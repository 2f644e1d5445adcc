import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromiumWithExtension, type ChromiumWithExtension } from '../harness/chromium';

describe('a database that will not open, in Chromium', () => {
  let chromium: ChromiumWithExtension;

  beforeAll(async () => {
    chromium = await launchChromiumWithExtension();
  });
  afterAll(async () => chromium?.close());

  it('shows a clear error instead of a blank panel', async () => {
    const page = await chromium.openPanel();
    await page.getByRole('tab', { name: 'Chat' }).waitFor();
    // What a downgrade leaves behind: the stored database is newer than this build's schema.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          indexedDB.deleteDatabase('patchbay');
          const request = indexedDB.open('patchbay', 99_999);
          request.onsuccess = () => {
            request.result.close();
            resolve();
          };
          request.onerror = () => reject(request.error);
        }),
    );
    await page.reload();
    const alert = page.getByRole('alert', { name: 'Database error' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('written by a newer Patchbay');
    expect(await page.getByRole('button', { name: 'Try again' }).isVisible()).toBe(true);
  });
});
