// `npm run screenshots`: the README's pictures, taken from the real build in Debian Chromium.
import { launchChromiumWithExtension } from '../e2e/harness/chromium';
import { PanelPage } from '../e2e/pages/panel-page';
import { startPolicyServer } from '../fixtures/mcp-servers/policy-server';
import { startServerEverything } from '../fixtures/mcp-servers/server-everything';
import { startModelServer } from '../fixtures/model-server';

const OUT = 'tests/screenshots';
const [chromium, everything, notes, model] = await Promise.all([
  launchChromiumWithExtension(),
  startServerEverything('streamableHttp'),
  startPolicyServer(),
  startModelServer({ models: ['demo-model'] }),
]);
try {
  const panel = new PanelPage(await chromium.openPanel());
  const page = panel.page;
  await page.setViewportSize({ width: 400, height: 720 });
  await panel.waitForBackground();
  await page.emulateMedia({ colorScheme: 'light' });
  const connectors = await panel.openConnectors();
  await page.getByRole('button', { name: 'Add connector' }).first().waitFor();
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${OUT}/first-run-light.png` });
  await connectors.add({ name: 'Everything', url: everything.url });
  await connectors.waitForTool('Everything', 'echo');
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${OUT}/connectors-light.png` });

  await page.emulateMedia({ colorScheme: 'dark' });
  await connectors.add({ name: 'Notes', url: notes.url });
  await connectors.waitForTool('Notes', 'write_note');

  await connectors.item('Everything').getByRole('button', { name: 'Report card', exact: true }).click();
  await page.getByRole('region', { name: 'Report card' }).getByRole('listitem').first().waitFor();
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${OUT}/report-card-dark.png` });
  await page.getByRole('button', { name: '← Back' }).click();

  await page.emulateMedia({ colorScheme: 'light' });
  await panel.tab('Log').click();
  await page.locator('.protocol-log .frame-line').first().click();
  await page.getByRole('button', { name: 'Follow tail' }).waitFor();
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${OUT}/log-light.png` });
  await page.emulateMedia({ colorScheme: 'dark' });

  const settings = await panel.openSettings();
  await settings.fill({ baseUrl: model.url, model: 'demo-model' });
  await settings.save();
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${OUT}/settings-dark.png` });

  await page.emulateMedia({ colorScheme: 'light' });
  const chat = await panel.openChat();
  model.script([
    { type: 'tool-calls', calls: [{ name: 'Everything__echo', arguments: '{"message":"Hello from the side panel"}' }] },
    { type: 'text', text: 'The server echoed **“Hello from the side panel”**.\n\nNext I can write it down as a note:\n\n```json\n{ "title": "Greeting" }\n```' },
    { type: 'tool-calls', calls: [{ name: 'Notes__write_note', arguments: '{"title":"Greeting","body":"Hello from the side panel"}' }] },
  ]);
  await chat.newConversation();
  await chat.send('Echo a greeting through the Everything server');
  await chat.answerText(/Next I can write it down/).waitFor({ timeout: 20_000 });
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${OUT}/chat-light.png` });

  await page.emulateMedia({ colorScheme: 'dark' });
  await chat.send('Save it as a note');
  await chat.approvalCard('write_note').waitFor({ timeout: 20_000 });
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${OUT}/approval-dark.png` });
  console.log(`Wrote the screenshots in ${OUT}/`);
} finally {
  await chromium.close();
  await everything.close();
  await notes.close();
  await model.close();
}
