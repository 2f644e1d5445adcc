import { launchChromiumWithExtension } from '../e2e/harness/chromium';
import { PanelPage } from '../e2e/pages/panel-page';
import { startServerEverything } from '../fixtures/mcp-servers/server-everything';
import { startModelServer } from '../fixtures/model-server';

const OUT = '/tmp/shots';
const [chromium, everything, model] = await Promise.all([launchChromiumWithExtension(), startServerEverything('streamableHttp'), startModelServer({ apiKey: 'sk-x' })]);
try {
  const panel = new PanelPage(await chromium.openPanel());
  const page = panel.page;
  await page.setViewportSize({ width: 400, height: 720 });
  await panel.waitForBackground();
  const settings = await panel.openSettings();
  await settings.fill({ apiKey: 'sk-x', baseUrl: model.url, model: 'scripted-model' });
  await settings.save();
  await page.screenshot({ path: `${OUT}/settings.png` });
  const connectors = await panel.openConnectors();
  await connectors.add({ name: 'Everything', url: everything.url });
  await connectors.waitForTool('Everything', 'echo');
  const chat = await panel.openChat();
  await page.screenshot({ path: `${OUT}/chat-empty.png` });
  model.script([
    { type: 'tool-calls', calls: [{ name: 'Everything__echo', arguments: '{"message":"hello"}' }] },
    { type: 'text', text: 'Here is what the server said:\n\n- **Echo**: hello\n- a [link](https://example.com/path) and ![img](https://evil.example/x.png)\n\n```js\nconsole.log("hi")\n```\n' },
    { type: 'tool-calls', calls: [{ name: 'Everything__toggle-simulated-logging', arguments: '{}' }] },
  ]);
  await chat.newConversation();
  await chat.send('Echo hello please, then summarise');
  await chat.answerText('Here is what the server said').waitFor({ timeout: 20000 });
  await page.mouse.move(0, 0);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.screenshot({ path: `${OUT}/chat-light.png` });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: `${OUT}/chat-dark.png` });
  await chat.toolCard('echo').getByRole('button', { name: 'Details' }).click();
  await page.screenshot({ path: `${OUT}/chat-details-dark.png` });
  await chat.send('Turn on logging');
  await chat.approvalCard('toggle-simulated-logging').waitFor({ timeout: 20000 });
  await page.screenshot({ path: `${OUT}/approval-dark.png` });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.screenshot({ path: `${OUT}/approval-light.png` });
  await page.getByRole('button', { name: 'Conversations' }).click();
  await page.screenshot({ path: `${OUT}/drawer-light.png` });
} finally {
  await chromium.close();
  await everything.close();
  await model.close();
}
