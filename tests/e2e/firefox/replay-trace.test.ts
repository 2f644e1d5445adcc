import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TraceFile } from '@/lib/contract/trace-file';
import { startPolicyServer, type PolicyServer } from '../../fixtures/mcp-servers/policy-server';
import { startModelServer, type ModelServer } from '../../fixtures/model-server';
import { startRequestListener, type RequestListener } from '../../fixtures/request-listener';
import { byRole, FIREFOX_BUILD_DIR, launchFirefoxWithExtension, openPanelInNewPage, type FirefoxWithExtension } from '../harness/firefox';
import { addConnectorInFirefox, saveModelSettingsInFirefox } from '../harness/firefox-panel-setup';

const DIALOG = 'dialog[aria-label="Run write_note"]';
const APPROVAL = `${DIALOG} article[aria-label="Approve write_note?"]`;

/** A trace written by someone hostile: markup, images, links and scripts in every text it has. */
function hostileTrace(origin: string): TraceFile {
  const bait = `<img src="${origin}/img"> [x](javascript:fetch('${origin}/js')) <a href="${origin}/a">a</a> <script>fetch('${origin}/script')</script> <iframe src="${origin}/frame"></iframe>`;
  return {
    format: 'patchbay.trace',
    version: 1,
    exportedAt: Date.now(),
    conversation: { title: `Hostile ${bait}`, createdAt: 1, updatedAt: 2, model: 'm' },
    messages: [
      { role: 'user', at: 1, text: 'Firefox trace question', callIds: [] },
      { role: 'assistant', at: 2, text: `Answer ${bait}`, callIds: ['c1'] },
    ],
    calls: [{ callId: 'c1', connectorId: 'k', toolName: 'write_note', argsText: `{"title":"${origin}/arg"}`, status: 'waiting for approval', startedAt: 2, endedAt: 3, result: { content: [{ type: 'text', text: bait }] } }],
    frames: [{ connectorId: 'k', at: 2, direction: 'out', method: 'tools/call', httpStatus: null, durationMs: null, sizeBytes: 10, frame: { bait } }],
    connectors: [{ id: 'k', label: `Evil ${bait}`, url: `${origin}/mcp`, tools: [{ name: 'write_note', description: bait, inputSchema: { type: 'object' } }] }],
  };
}

describe('Replay and Open trace in Firefox', () => {
  let firefox: FirefoxWithExtension | undefined;
  let server: PolicyServer;
  let model: ModelServer;
  let listener: RequestListener;
  let panel: Page;

  beforeAll(async () => {
    listener = await startRequestListener();
    server = await startPolicyServer();
    model = await startModelServer({ apiKey: 'sk-replay-ff', models: ['scripted-model'] });
    firefox = await launchFirefoxWithExtension(FIREFOX_BUILD_DIR);
    panel = await openPanelInNewPage(firefox);
    await saveModelSettingsInFirefox(panel, { apiKey: 'sk-replay-ff', baseUrl: model.url, model: 'scripted-model' });
    await addConnectorInFirefox(panel, 'Notes', server.url, 'write_note');
    await panel.locator(byRole('tab', 'Chat')).click();
  }, 120_000);
  afterAll(async () => {
    await firefox?.close();
    await model?.close();
    await server?.close();
    await listener?.close();
  });

  const writes = () => server.calls.filter((call) => call.name === 'write_note').map((call) => call.arguments);
  const buttonCount = (names: string[]) => panel.evaluate((list) => [...document.querySelectorAll('button')].filter((b) => list.includes(b.textContent?.trim() ?? '')).length, names);

  it('replays a chat call with edited input: the write asks first, then the server receives the edited input', async () => {
    await panel.locator(byRole('button', 'New conversation')).click();
    const notes = await panel.waitForSelector(byRole('checkbox', 'Notes'), { timeout: 20_000 });
    if (!(await notes!.evaluate((box) => (box as HTMLInputElement).checked))) await notes!.click();
    model.script([{ type: 'tool-calls', calls: [{ name: 'Notes__write_note', arguments: JSON.stringify({ title: 'ff-original', body: 'From the model' }) }] }, { type: 'text', text: 'Firefox note written.' }]);
    await panel.locator(byRole('textbox', 'Message')).fill('Write a note');
    await panel.locator(byRole('button', 'Send')).click();
    await panel.locator(`${byRole('article', 'Approve write_note?')} >>> ${byRole('button', 'Approve')}`).setTimeout(20_000).click();
    await panel.waitForFunction(() => document.body.textContent?.includes('Firefox note written.'), { timeout: 20_000 });
    expect(writes()).toEqual([{ title: 'ff-original', body: 'From the model' }]);

    await panel.locator(`article[aria-label^="write_note"] ${byRole('button', 'Replay')}`).click();
    // Filled with the call's input.
    await panel.waitForFunction((selector) => [...document.querySelectorAll(`${selector} input`)].some((input) => (input as HTMLInputElement).value === 'ff-original'), { timeout: 20_000 }, DIALOG);
    await panel.locator(`${DIALOG} >>> ${byRole('textbox', 'title')}`).fill('ff-edited');
    await panel.locator(`${DIALOG} >>> ${byRole('button', 'Run')}`).click();
    await panel.waitForSelector(APPROVAL, { timeout: 20_000 });
    expect(writes()).toHaveLength(1);
    await panel.locator(`${APPROVAL} >>> ${byRole('button', 'Approve')}`).click();
    await expect.poll(() => writes().length, { timeout: 20_000 }).toBe(2);
    expect(writes()[1]).toEqual({ title: 'ff-edited', body: 'From the model' });
    await panel.locator(`${DIALOG} >>> ${byRole('button', 'Close')}`).click();
  });

  it('opens a hostile trace read-only: its text shown, no control that sends, nothing fetched', async () => {
    await panel.locator(byRole('button', 'Conversations')).click();
    const text = JSON.stringify(hostileTrace(listener.origin));
    const input = await panel.waitForSelector('input[aria-label="Trace file"]');
    // The file goes in as the picker would hand it over (a File in the input's FileList).
    await input!.evaluate((element, content) => {
      const files = new DataTransfer();
      files.items.add(new File([content], 'hostile.patchbay-trace.json', { type: 'application/json' }));
      (element as HTMLInputElement).files = files.files;
      element.dispatchEvent(new Event('change', { bubbles: true }));
    }, text);
    await panel.waitForSelector('section[aria-label="Trace"] ::-p-text(Firefox trace question)', { timeout: 20_000 });
    await panel.waitForSelector('section[aria-label="Trace"] article[aria-label^="write_note"]');
    expect(await buttonCount(['Approve', 'Run', 'Replay', 'Send', 'Deny', 'Accept'])).toBe(0);
    expect(await panel.$$eval('section[aria-label="Trace"] :is(a, img, iframe, script, video, object, embed)', (found) => found.length)).toBe(0);
    await panel.evaluate(() => [...document.querySelectorAll('section[aria-label="Trace"] details')].forEach((d) => ((d as HTMLDetailsElement).open = true)));
    expect(await panel.$eval('section[aria-label="Trace"]', (view) => view.textContent)).toContain('<script>');
    await panel.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    expect(listener.paths).toEqual([]);
    await panel.locator(`section[aria-label="Trace"] >>> ${byRole('button', 'Close trace')}`).click();
    await panel.waitForSelector(byRole('textbox', 'Message'));
  });
});
