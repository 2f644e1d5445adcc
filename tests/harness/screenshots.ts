// `npm run screenshots`: the README's pictures, taken from the real build in Debian Chromium.
import { launchChromiumWithExtension } from '../e2e/harness/chromium';
import { PanelPage } from '../e2e/pages/panel-page';

const OUT = 'tests/screenshots';
const chromium = await launchChromiumWithExtension();
try {
  const panel = new PanelPage(await chromium.openPanel());
  await panel.page.setViewportSize({ width: 400, height: 600 });
  await panel.waitForBackground();
  await panel.page.emulateMedia({ colorScheme: 'light' });
  await panel.page.screenshot({ path: `${OUT}/chat-light.png` });
  await panel.page.emulateMedia({ colorScheme: 'dark' });
  const settings = await panel.openSettings();
  await settings.fill({ baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3.2' });
  await panel.page.mouse.move(0, 0);
  await panel.page.screenshot({ path: `${OUT}/settings-dark.png` });
  console.log(`Wrote ${OUT}/chat-light.png and ${OUT}/settings-dark.png`);
} finally {
  await chromium.close();
}
