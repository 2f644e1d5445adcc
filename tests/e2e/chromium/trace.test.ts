import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPolicyServer, type PolicyServer } from '../../fixtures/mcp-servers/policy-server';
import { startModelServer, type ModelServer } from '../../fixtures/model-server';
import { startRequestListener, type RequestListener } from '../../fixtures/request-listener';
import { useChromiumPanel } from '../harness/chromium-panel-fixture';
import { launchChromiumWithExtension, type ChromiumWithExtension } from '../harness/chromium';
import { PanelPage } from '../pages/panel-page';

const SHOTS = '/tmp/patchbay-replay';
const API_KEY = 'sk-trace-model-key-4d9f2a7c81';

/** Text built to make a careless viewer fetch from, or navigate to, the listener. */
function hostile(origin: string): string {
  return [`<img src="${origin}/html-img">`, `![md image](${origin}/md-img)`, `[click me](javascript:fetch('${origin}/js-link'))`, `<a href="${origin}/a-link">link</a>`, `<script>fetch('${origin}/script')</script>`, `<iframe src="${origin}/iframe"></iframe>`, `${origin}/bare-url`].join('\n');
}

describe('a trace exported in one Chromium profile and opened read-only in a fresh one', () => {
  const fixture = useChromiumPanel();
  let server: PolicyServer;
  let model: ModelServer;
  let listener: RequestListener;
  let other: ChromiumWithExtension | undefined;
  let tracePath: string;
  let otherPanel: PanelPage;

  beforeAll(async () => {
    listener = await startRequestListener();
    server = await startPolicyServer();
    await server.setDescription('read_notes', `Reads notes. ${hostile(listener.origin)}`);
    model = await startModelServer({ apiKey: API_KEY, models: ['scripted-model'] });
    const settings = await fixture.panel.openSettings();
    await settings.fill({ apiKey: API_KEY, baseUrl: model.url, model: 'scripted-model' });
    await settings.save();
    const connectors = await fixture.panel.openConnectors();
    await connectors.add({ name: 'Notes', url: server.url });
    await connectors.waitForTool('Notes', 'read_notes');
    await mkdir(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await other?.close();
    await model?.close();
    await server?.close();
    await listener?.close();
  });

  it('exports the conversation, its call, its frames and the tool definitions, without the API key', async () => {
    const chat = await fixture.panel.openChat();
    await chat.newConversation();
    await chat.useConnectors('Notes');
    model.script([{ type: 'tool-calls', calls: [{ name: 'Notes__read_notes', arguments: '{}' }] }, { type: 'text', text: `Here are your notes.\n${hostile(listener.origin)}` }]);
    await chat.send('Read my notes, traced');
    await chat.answerText('Here are your notes.').waitFor({ timeout: 20_000 });

    const page = fixture.panel.page;
    await page.getByRole('button', { name: 'Conversations', exact: true }).click();
    await page.setViewportSize({ width: 400, height: 720 });
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.screenshot({ path: `${SHOTS}/export-trace-${colorScheme}.png` });
    }
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export trace', exact: true }).click()]);
    const text = await readFile((await download.path())!, 'utf8');
    const trace = JSON.parse(text) as { format: string; calls: { toolName: string }[]; frames: { method: string | null }[]; connectors: { tools: { name: string }[] }[] };
    expect(trace.format).toBe('patchbay.trace');
    expect(trace.calls.map((call) => call.toolName)).toEqual(['read_notes']);
    expect(trace.frames.map((frame) => frame.method)).toContain('tools/call');
    expect(trace.connectors[0]!.tools.map((tool) => tool.name)).toContain('read_notes');
    expect(text).not.toContain(API_KEY);
    tracePath = join(tmpdir(), `patchbay-trace-${Date.now()}.json`);
    await writeFile(tracePath, text);
  });

  it('opens in a fresh profile showing the conversation and frames, with no control that sends and no request out', async () => {
    other = await launchChromiumWithExtension();
    const panel = new PanelPage(await other.openPanel());
    otherPanel = panel;
    await panel.waitForBackground();
    await panel.openChat();
    const page = panel.page;
    // A fresh Patchbay, with no model and no connector: its first screen offers Open trace.
    await page.getByRole('button', { name: 'Open trace', exact: true }).waitFor();
    await page.setViewportSize({ width: 400, height: 720 });
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.screenshot({ path: `${SHOTS}/open-trace-setup-${colorScheme}.png` });
    }
    const seenBefore = listener.paths.length;
    // Through the button a person presses: it opens the browser's file picker.
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Open trace', exact: true }).click()]);
    await chooser.setFiles(tracePath);

    const view = page.getByRole('region', { name: 'Trace' });
    await view.getByRole('region', { name: 'Conversation' }).getByText('Read my notes, traced').waitFor();
    await view.getByRole('region', { name: 'Conversation' }).getByText('Here are your notes.', { exact: false }).waitFor();
    await view.getByRole('article', { name: /^read_notes — complete/ }).waitFor();
    const log = view.getByRole('region', { name: 'Protocol log' });
    await log.getByText('tools/call').first().waitFor();
    await view.getByRole('region', { name: 'Tool definitions' }).getByText('read_notes').first().click();
    await view.getByText('<script>', { exact: false }).first().waitFor();

    for (const name of ['Approve', 'Run', 'Replay', 'Send', 'Run again', 'Accept', 'Open']) {
      expect(await page.getByRole('button', { name, exact: true }).count(), name).toBe(0);
    }
    expect(await view.locator('a, img, iframe, script, video, object, embed').count()).toBe(0);
    // Viewing it stored nothing: the fresh profile still has no conversation.
    expect(await panel.page.evaluate(async () => {
      const open = indexedDB.open('patchbay');
      const db = await new Promise<IDBDatabase>((resolve, reject) => ((open.onsuccess = () => resolve(open.result)), (open.onerror = () => reject(open.error))));
      const count = await new Promise<number>((resolve) => {
        const request = db.transaction('conversations').objectStore('conversations').count();
        request.onsuccess = () => resolve(request.result);
      });
      db.close();
      return count;
    })).toBe(0);

    await page.setViewportSize({ width: 400, height: 820 });
    await view.getByRole('article', { name: /^read_notes/ }).getByText('Output').click();
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.screenshot({ path: `${SHOTS}/trace-${colorScheme}.png` });
    }
    // Nothing in the trace reached the listener (give the page its chance to fetch first).
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    expect(listener.paths.slice(seenBefore)).toEqual([]);

    await view.getByRole('button', { name: 'Close trace', exact: true }).click();
    await page.getByRole('button', { name: 'Open trace', exact: true }).waitFor();
  });

  it('refuses a corrupt trace with a clear reason, in place', async () => {
    const page = otherPanel.page;
    const corrupt = join(tmpdir(), `patchbay-corrupt-trace-${Date.now()}.json`);
    await writeFile(corrupt, JSON.stringify({ format: 'patchbay.trace', version: 7 }));
    await page.locator('input[aria-label="Trace file"]').setInputFiles(corrupt);
    await page.getByRole('region', { name: 'Trace' }).getByRole('alert').getByText(/Unsupported trace version 7/).waitFor();
  });
});
