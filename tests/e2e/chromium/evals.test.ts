import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startModelServer, type ModelServer } from '../../fixtures/model-server';
import { startServerEverything, type RunningServer } from '../../fixtures/mcp-servers/server-everything';
import { startRecordingProxy, type RecordingProxy } from '../../fixtures/mcp-servers/recording-proxy';
import { threeCaseModelTurn, THREE_CASES, WHAT_IF_TEXT } from '../../fixtures/evals/three-case-model';
import { useChromiumPanel } from '../harness/chromium-panel-fixture';
import { EvalsPage } from '../pages/evals-page';

const SHOTS = '/tmp/patchbay-evals';

describe('Evals in Chromium: three cases against a scripted model and server-everything', () => {
  const fixture = useChromiumPanel();
  let everything: RunningServer;
  let proxy: RecordingProxy;
  let model: ModelServer;
  let evals: EvalsPage;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    everything = await startServerEverything('streamableHttp');
    proxy = await startRecordingProxy(everything.url);
    model = await startModelServer({ apiKey: 'sk-evals', models: ['scripted-model'] });
    const settings = await fixture.panel.openSettings();
    await settings.fill({ apiKey: 'sk-evals', baseUrl: model.url, model: 'scripted-model' });
    await settings.save();
    const connectors = await fixture.panel.openConnectors();
    await connectors.add({ name: 'Everything', url: proxy.url });
    await connectors.waitForTool('Everything', 'get-tiny-image');
    await fixture.panel.page.setViewportSize({ width: 400, height: 900 });
    evals = await EvalsPage.open(connectors, 'Everything');
  });
  afterAll(async () => {
    await Promise.all([model?.close(), proxy?.close(), everything?.close()]);
  });

  /** The whole Evals screen at 400 px: a viewport tall enough for all of it, then back. */
  async function screenshot(colorScheme: 'light' | 'dark'): Promise<void> {
    const page = fixture.panel.page;
    await page.emulateMedia({ colorScheme });
    await page.setViewportSize({ width: 400, height: 2200 });
    await page.screenshot({ path: `${SHOTS}/evals-400-${colorScheme}.png` });
    await page.setViewportSize({ width: 400, height: 900 });
    await page.emulateMedia({ colorScheme: 'light' });
  }

  it('runs 3 cases 3 times each: 100 %, 100 %, 0 % naming the wrong tool; a what-if description the model follows makes the third pass, and the server never hears of it', async () => {
    // A corrupt suite file is refused with the reason, and no suite appears.
    const corrupt = JSON.stringify({ format: 'patchbay-eval-suite', version: 1, name: 'x', cases: [{ prompt: ' ', expectedTool: 3 }] });
    await evals.region.getByLabel('Suite file', { exact: true }).setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(corrupt) });
    await evals.region.getByRole('alert').filter({ hasText: 'Could not import bad.json: The suite file is not valid: cases.0.prompt' }).waitFor();
    expect(await evals.button('Add case').count()).toBe(0);

    await evals.button('New suite').click();
    for (const item of THREE_CASES) await evals.addCase({ prompt: item.prompt, tool: item.expectedTool, ...('expectedArgs' in item ? { args: item.expectedArgs } : {}) });
    await evals.region.getByLabel('Runs per case', { exact: true }).fill('3');

    model.script(Array.from({ length: 9 }, () => threeCaseModelTurn('Everything')));
    await evals.button('Run evals').click();
    await expect.poll(() => evals.resultCells('Show me the tiny picture'), { timeout: 30_000 }).toEqual([expect.stringMatching(/^Show me the tiny picture \d+ tokens$/), 'get-tiny-image chose get-annotated-message ×3', '0 %']);
    expect(await evals.resultCells('Echo the word hello')).toEqual([expect.stringMatching(/^Echo the word hello \d+ tokens$/), 'echo chose echo ×3', '100 %']);
    expect(await evals.resultCells('Add 2 and 3')).toEqual([expect.stringMatching(/^Add 2 and 3 \d+ tokens$/), 'get-sum chose get-sum ×3', '100 %']);
    await evals.region.getByText('Confusion by tool').click();
    const confusion = evals.region.getByRole('table', { name: 'Confusion by tool' });
    expect(await confusion.getByRole('row').filter({ hasText: 'get-annotated-message' }).getByRole('cell').allTextContents()).toEqual(['get-tiny-image', 'get-annotated-message ', '3']);
    await screenshot('light');

    await evals.saveWhatIf('get-tiny-image', WHAT_IF_TEXT);
    await evals.region.getByRole('checkbox', { name: /With what-if overrides \(1\)/ }).check();
    model.script(Array.from({ length: 9 }, () => threeCaseModelTurn('Everything')));
    await evals.button('Run evals').click();
    await expect.poll(() => evals.resultCells('Show me the tiny picture'), { timeout: 30_000 }).toEqual([expect.stringMatching(/^Show me the tiny picture \d+ tokens$/), 'get-tiny-image What-if chose get-tiny-image ×3', '100 %']);
    expect((await evals.resultCells('Echo the word hello'))[2]).toBe('100 %');

    // Before and after, side by side.
    await evals.region.getByLabel('Compare with', { exact: true }).selectOption({ index: 1 });
    expect(await evals.resultCells('Show me the tiny picture')).toEqual([expect.stringMatching(/^Show me the tiny picture \d+ tokens$/), 'get-tiny-image What-if chose get-tiny-image ×3', '0 %', '100 %']);
    await screenshot('dark');

    // The model saw the what-if text; the server received no call and never the text.
    const sawWhatIf = model.requests.filter((request) => JSON.stringify(request.body ?? '').includes(WHAT_IF_TEXT));
    expect(sawWhatIf).toHaveLength(9);
    expect(proxy.toolCalls()).toEqual([]);
    expect(JSON.stringify(proxy.messages)).not.toContain(WHAT_IF_TEXT);

    // The tool's row in the connector list says it has a what-if description.
    await evals.region.getByRole('button', { name: '← Back' }).click();
    const connectors = await fixture.panel.openConnectors();
    const row = connectors.item('Everything').getByRole('listitem').filter({ has: fixture.panel.page.getByRole('switch', { name: 'get-tiny-image', exact: true }) });
    await row.getByText('What-if', { exact: true }).waitFor();
    expect(await connectors.item('Everything').getByText('What-if', { exact: true }).count()).toBe(1);
  });

  it('a conversation shows the what-if text to the model only once its switch is on, and the server still never receives it', async () => {
    const chat = await fixture.panel.openChat();
    await chat.newConversation();
    await chat.useConnectors('Everything');
    const answers = { type: 'by-request' as const, rules: [{ contains: [WHAT_IF_TEXT], then: { type: 'text' as const, text: 'I was shown the what-if.' } }], otherwise: { type: 'text' as const, text: 'I was shown the server text.' } };
    model.script([answers, answers]);
    await chat.send('Which description do you see?');
    await chat.answerText('I was shown the server text.').waitFor({ timeout: 20_000 });
    const toggle = fixture.panel.page.getByRole('switch', { name: 'Use what-if descriptions' });
    expect(await toggle.getAttribute('aria-checked')).toBe('false');
    await toggle.click();
    await fixture.panel.page.getByRole('switch', { name: 'Use what-if descriptions', checked: true }).waitFor();
    await chat.send('And now?');
    await chat.answerText('I was shown the what-if.').waitFor({ timeout: 20_000 });
    await fixture.panel.page.screenshot({ path: `${SHOTS}/chat-what-if-400-light.png` });
    expect(proxy.toolCalls()).toEqual([]);
    expect(JSON.stringify(proxy.messages)).not.toContain(WHAT_IF_TEXT);
  });

  it('shows progress while a run goes on, and Stop aborts it with the reason', async () => {
    const connectors = await fixture.panel.openConnectors();
    evals = await EvalsPage.open(connectors, 'Everything');
    const before = model.requests.length;
    model.script([{ type: 'text', text: 'word '.repeat(400), delayMsPerChunk: 50 }]);
    await evals.button('Run evals').click();
    await evals.region.getByRole('progressbar', { name: 'Eval progress' }).waitFor();
    await expect.poll(() => model.requests.length).toBeGreaterThan(before);
    await evals.button('Stop').click();
    await evals.region.getByRole('status').filter({ hasText: 'Stopped: Stopped by the user.' }).waitFor({ timeout: 20_000 });
    await evals.button('Run evals').waitFor();
    expect(await evals.region.getByRole('progressbar').count()).toBe(0);
  });
});
