import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerEverything, type RunningServer } from '../../fixtures/mcp-servers/server-everything';
import { startModelServer, type ModelServer } from '../../fixtures/model-server';
import { useChromiumPanel } from '../harness/chromium-panel-fixture';
import { ContextPage } from '../pages/context-page';

const FENCED_ANSWER = 'Here it is:\n\n```ts\nconst limit: number = 42; // tokens\nexport function twice(n: number) { return n * 2; }\n```\n\nAnd `inline` code.';

describe('syntax-aware display in Chromium', () => {
  const fixture = useChromiumPanel();
  let server: RunningServer;
  let model: ModelServer;
  let context: ContextPage;
  const page = () => fixture.panel.page;

  beforeAll(async () => {
    server = await startServerEverything('streamableHttp');
    model = await startModelServer({ apiKey: 'sk-highlight-e2e', models: ['scripted-model'] });
    const settings = await fixture.panel.openSettings();
    await settings.fill({ apiKey: 'sk-highlight-e2e', baseUrl: model.url, model: 'scripted-model' });
    await settings.save();
    const connectors = await fixture.panel.openConnectors();
    await connectors.add({ name: 'Everything', url: server.url });
    await connectors.waitForTool('Everything', 'echo');
    context = new ContextPage(page());
  });
  afterAll(async () => {
    await model?.close();
    await server?.close();
  });

  it('reads a Markdown resource and shows it with the grammar’s token spans, in the plain text’s font', async () => {
    await fixture.panel.openConnectors();
    await context.openTab('Everything', 'Resources');
    const row = context.row('Everything', 'architecture.md');
    await row.getByRole('button', { name: 'Read', exact: true }).click();
    const contents = row.getByRole('region', { name: /^Contents of / });
    const text = contents.locator('pre');
    await text.locator('span.hljs-section').first().waitFor();
    expect(await text.getAttribute('data-language')).toBe('markdown');
    expect(await text.textContent()).toMatch(/^# Everything Server – Architecture\n/);
    const look = await text.evaluate((pre) => {
      const heading = pre.querySelector('span.hljs-section')!;
      const [preStyle, tokenStyle] = [getComputedStyle(pre), getComputedStyle(heading)];
      return { preFont: preStyle.font, tokenFont: tokenStyle.font, preColour: preStyle.color, tokenColour: tokenStyle.color };
    });
    expect(look.tokenFont).toBe(look.preFont);
    expect(look.tokenColour).not.toBe(look.preColour);
  });

  it('colours a ```ts fence in a chat answer, leaving inline code and the copied text plain', async () => {
    const chat = await fixture.panel.openChat();
    await chat.newConversation();
    model.script([{ type: 'text', text: FENCED_ANSWER }]);
    await chat.send('Show me some TypeScript');
    await chat.answerText('Here it is:').waitFor({ timeout: 20_000 });
    const block = page().locator('.code-block').filter({ hasText: 'const limit' });
    const code = block.locator('code');
    await code.locator('span.hljs-keyword', { hasText: 'const' }).waitFor();
    await code.locator('span.hljs-number', { hasText: '42' }).waitFor();
    await code.locator('span.hljs-comment', { hasText: '// tokens' }).waitFor();
    expect(await code.textContent()).toBe('const limit: number = 42; // tokens\nexport function twice(n: number) { return n * 2; }\n');
    expect(await page().locator('code', { hasText: 'inline' }).locator('span').count()).toBe(0);

    // At side-panel width the long line runs under nothing: Copy sits above the code, not over it.
    await page().setViewportSize({ width: 400, height: 800 });
    const copy = await block.getByRole('button', { name: 'Copy' }).boundingBox();
    const text = await block.locator('pre').boundingBox();
    expect(copy!.y + copy!.height).toBeLessThanOrEqual(text!.y);
  });
});
