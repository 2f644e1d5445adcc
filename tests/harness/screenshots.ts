// `npm run screenshots`: the README's pictures, taken from the real build in Debian Chromium.
import { launchChromiumWithExtension } from '../e2e/harness/chromium';
import { PanelPage } from '../e2e/pages/panel-page';
import { startServerEverything } from '../fixtures/mcp-servers/server-everything';

const OUT = 'tests/screenshots';
const [chromium, everything] = await Promise.all([launchChromiumWithExtension(), startServerEverything('streamableHttp')]);
try {
  const panel = new PanelPage(await chromium.openPanel());
  await panel.page.setViewportSize({ width: 400, height: 640 });
  await panel.waitForBackground();
  await panel.page.emulateMedia({ colorScheme: 'light' });
  const connectors = await panel.openConnectors();
  await connectors.add({ name: 'Everything', url: everything.url });
  await connectors.waitForTool('Everything', 'echo');
  await panel.page.mouse.move(0, 0);
  await panel.page.screenshot({ path: `${OUT}/connectors-light.png` });

  await panel.page.emulateMedia({ colorScheme: 'dark' });
  await connectors.item('Everything').getByRole('button', { name: 'Protocol log' }).click();
  await connectors.item('Everything').locator('.frame').first().waitFor();
  await panel.page.screenshot({ path: `${OUT}/protocol-log-dark.png` });

  await panel.tab('Chat').click();
  await panel.page.emulateMedia({ colorScheme: 'light' });
  await panel.page.screenshot({ path: `${OUT}/chat-light.png` });
  const settings = await panel.openSettings();
  await panel.page.emulateMedia({ colorScheme: 'dark' });
  await settings.fill({ baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3.2' });
  await panel.page.mouse.move(0, 0);
  await panel.page.screenshot({ path: `${OUT}/settings-dark.png` });
  console.log(`Wrote the screenshots in ${OUT}/`);
} finally {
  await chromium.close();
  await everything.close();
}
