import { beforeAll, describe, expect, it } from 'vitest';
import { byRole } from '../harness/firefox';
import { useFirefoxWithEverything } from '../harness/firefox-fixture';
import { addConnectorInFirefox } from '../harness/firefox-panel-setup';

const FETCHED = 'li[aria-label="Everything"] time';

describe('Refresh all, in Firefox against server-everything', () => {
  const world = useFirefoxWithEverything();

  beforeAll(async () => {
    await addConnectorInFirefox(world.panel, 'Everything', world.server.url, 'echo');
  }, 120_000);

  it('fetches the connector\'s tools again from the screen\'s header', async () => {
    const fetchedAt = () => world.panel.$eval(FETCHED, (time) => Date.parse(time.getAttribute('datetime') ?? ''));
    const before = await fetchedAt();
    await world.panel.locator(byRole('button', 'Refresh all tools')).click();
    await expect.poll(fetchedAt, { timeout: 20_000 }).toBeGreaterThan(before);
    await world.panel.waitForFunction(() => !(document.querySelector('button[aria-label="Refresh all tools"]') as HTMLButtonElement | null)?.disabled, { timeout: 20_000 });
  });
});
