import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPolicyServer, type PolicyServer } from '../../fixtures/mcp-servers/policy-server';
import { startModelServer, type ModelServer } from '../../fixtures/model-server';
import { useChromiumPanel } from '../harness/chromium-panel-fixture';
import { useEverythingConnector } from '../harness/everything-connector';
import { horizontalOverflow, seriousAxeViolations, visibleWithoutScrolling } from '../harness/layout-checks';
import { PANEL_SCREENS, type ScreenContext } from '../harness/panel-screens';

const OUT = 'tests/screenshots/width';
const SIZES = [
  { width: 360, height: 640 },
  { width: 400, height: 720 },
] as const;
const THEMES = ['light', 'dark'] as const;
const MARKDOWN_ANSWER = [
  'Here is the configuration, first as a table:',
  '',
  '| Setting | Value | Where it comes from |',
  '| --- | --- | --- |',
  '| transport | streamable-http | the connector form, or Auto when it falls back to SSE after a 4xx |',
  '| timeout | 30 s | the connector’s Advanced section |',
  '',
  '```json',
  '{ "mcpServers": { "everything": { "url": "http://127.0.0.1:6288/mcp", "headers": { "Authorization": "Bearer <token>" } } } }',
  '```',
  '',
  '- A list item with `inline code` and a [link](https://modelcontextprotocol.io/specification/2025-11-25/basic/transports)',
].join('\n');

describe('every screen at 360 and 400 px, light and dark: no sideways overflow, actions in view, no serious axe finding', () => {
  const fixture = useChromiumPanel();
  useEverythingConnector(fixture);
  let notes: PolicyServer;
  let model: ModelServer;
  let context: ScreenContext;

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    [notes, model] = await Promise.all([startPolicyServer(), startModelServer({ apiKey: 'sk-width', models: ['scripted-model'] })]);
    const settings = await fixture.panel.openSettings();
    await settings.fill({ apiKey: 'sk-width', baseUrl: model.url, model: 'scripted-model' });
    await settings.save();
    const connectors = await fixture.panel.openConnectors();
    await connectors.add({ name: 'Notes', url: notes.url });
    await connectors.waitForTool('Notes', 'write_note');

    // An answer in Markdown whose code and table are wider than the panel.
    const chat = await fixture.panel.openChat();
    model.script([{ type: 'text', text: MARKDOWN_ANSWER }]);
    await chat.newConversation();
    await chat.send('Show me the server config as a table and as JSON');
    await chat.answerText('Here is the configuration').waitFor({ timeout: 30_000 });

    // The conversation the chat screen shows: a finished read call, then a write waiting for approval.
    model.script([
      { type: 'tool-calls', calls: [{ name: 'Everything__echo', arguments: '{"message":"Hello from the side panel"}' }] },
      { type: 'tool-calls', calls: [{ name: 'Notes__write_note', arguments: JSON.stringify({ title: 'Greeting', body: 'Hello from the side panel. '.repeat(6) }) }] },
      { type: 'text', text: 'Saved.' },
    ]);
    await chat.newConversation();
    await chat.send('Echo a greeting, then save it as a note');
    await chat.approvalCard('write_note').getByRole('button', { name: 'Approve', exact: true }).waitFor({ timeout: 30_000 });
    context = { panel: fixture.panel, chat, conversationTitle: /Echo a greeting, then save it/, answerTitle: /Show me the server config/ };
  });
  afterAll(async () => {
    await model?.close();
    await notes?.close();
  });

  it('the overflow check names what sticks out, and the four tabs fit the header at 360 px', async () => {
    const page = fixture.panel.page;
    await page.setViewportSize(SIZES[0]);
    await fixture.panel.openChat();
    await page.evaluate(() => {
      const wide = document.createElement('div');
      wide.id = 'too-wide';
      wide.className = 'e2e-too-wide';
      wide.style.flex = 'none';
      wide.style.width = '500px';
      wide.textContent = 'wider than the panel';
      document.querySelector('.chat-bar')!.append(wide);
    });
    const caught = await horizontalOverflow(page);
    await page.evaluate(() => document.getElementById('too-wide')?.remove());
    expect(caught.offenders.map((offender) => offender.element)).toContain('div.e2e-too-wide "wider than the panel"');
    expect(caught.offenders.some((offender) => offender.element.startsWith('main.tabpanel') && offender.element.endsWith('(scrolls sideways)'))).toBe(true);

    // The header holds its four tabs and the shortcuts button at 360 px.
    const tabsFit = await page.evaluate(() => {
      const header = document.querySelector('header.topbar')!;
      return header.scrollWidth <= header.clientWidth && [...header.querySelectorAll('[role="tab"], button')].every((el) => el.getBoundingClientRect().right <= header.getBoundingClientRect().right);
    });
    expect(await page.getByRole('tablist', { name: 'Patchbay sections' }).getByRole('tab').count()).toBe(4);
    expect(tabsFit).toBe(true);
  });

  for (const size of SIZES) {
    for (const theme of THEMES) {
      it(`${size.width}×${size.height}, ${theme}`, async () => {
        const page = fixture.panel.page;
        await page.setViewportSize(size);
        await page.emulateMedia({ colorScheme: theme });
        const problems: string[] = [];
        for (const screen of PANEL_SCREENS) {
          const where = `${screen.name} at ${size.width} px, ${theme}`;
          await screen.open(context);
          await page.mouse.move(0, 0);
          await page.screenshot({ path: `${OUT}/${screen.name}-${size.width}-${theme}.png` });

          const overflow = await horizontalOverflow(page);
          if (overflow.documentScrolls) problems.push(`${where}: the page scrolls sideways`);
          for (const offender of overflow.offenders.slice(0, 5)) problems.push(`${where}: ${offender.element} spans ${offender.left}…${offender.right} px`);
          for (const control of screen.mustShow?.(context) ?? []) {
            if (!(await visibleWithoutScrolling(control))) problems.push(`${where}: ${await control.textContent()} is not on screen without scrolling`);
          }
          for (const violation of await seriousAxeViolations(page)) {
            problems.push(`${where}: axe ${violation.impact} ${violation.id} (${violation.help}) at ${violation.targets.join(', ')}`);
          }
          await screen.close?.(context);
        }
        expect(problems).toEqual([]);
      });
    }
  }
});
