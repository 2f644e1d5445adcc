import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRecordingProxy, type RecordingProxy } from '../../fixtures/mcp-servers/recording-proxy';
import { startServerEverything, type RunningServer } from '../../fixtures/mcp-servers/server-everything';
import { startModelServer, type ModelServer, type RecordedRequest } from '../../fixtures/model-server';
import { useChromiumPanel } from '../harness/chromium-panel-fixture';
import { killServiceWorker } from '../harness/service-worker';
import type { ChatPage } from '../pages/chat-page';

/** A long answer streamed slowly, so Stop and a worker kill land while it is still arriving. */
const SLOW_ANSWER = { type: 'text' as const, text: 'Counting slowly: ' + Array.from({ length: 150 }, (_, i) => `${i + 1}`).join(' '), delayMsPerChunk: 80 };

describe('chat in Chromium, with a scripted model and server-everything', () => {
  const fixture = useChromiumPanel();
  let server: RunningServer;
  let proxy: RecordingProxy;
  let model: ModelServer;
  let chat: ChatPage;

  beforeAll(async () => {
    server = await startServerEverything('streamableHttp');
    proxy = await startRecordingProxy(server.url);
    model = await startModelServer({ apiKey: 'sk-chat-e2e', models: ['scripted-model'] });
    const settings = await fixture.panel.openSettings();
    await settings.fill({ apiKey: 'sk-chat-e2e', baseUrl: model.url, model: 'scripted-model' });
    await settings.save();
    const connectors = await fixture.panel.openConnectors();
    await connectors.add({ name: 'Everything', url: proxy.url });
    await connectors.waitForTool('Everything', 'echo');
    chat = await fixture.panel.openChat();
  });
  afterAll(async () => {
    await model?.close();
    await proxy?.close();
    await server?.close();
  });

  /** An image URL on a server the test watches: any request for it would be recorded. */
  const trackerUrl = () => `${new URL(model.url).origin}/tracker.png`;

  /** The model requests (either API) received so far. */
  const modelRequests = (): RecordedRequest[] => model.requests.filter((request) => request.method === 'POST' && /\/(chat\/completions|responses)$/.test(request.path));

  async function waitForModelRequests(count: number): Promise<RecordedRequest[]> {
    await expect.poll(() => modelRequests().length, { timeout: 20_000 }).toBeGreaterThanOrEqual(count);
    return modelRequests();
  }

  it('runs a read-only tool at once; its result reaches the model; the answer renders', async () => {
    const before = modelRequests().length;
    model.script([
      { type: 'tool-calls', calls: [{ name: 'Everything__echo', arguments: '{"message":"hello from chat"}' }] },
      { type: 'text', text: `The server answered **Echo: hello from chat**. ![pixel](${trackerUrl()}) <img src="${trackerUrl()}">` },
    ]);
    await chat.newConversation();
    await chat.useConnectors('Everything');
    await chat.send('Please echo something');

    await chat.answerText('The server answered').waitFor({ timeout: 20_000 });
    const requests = (await waitForModelRequests(before + 2)).slice(before);
    const first = requests[0]!.body as { tools: { function: { name: string } }[] };
    expect(first.tools.map((tool) => tool.function.name)).toContain('Everything__echo');
    const second = requests[1]!.body as { messages: { role: string; content: unknown; tool_call_id?: string }[] };
    const toolMessage = second.messages.find((message) => message.role === 'tool');
    expect(toolMessage?.tool_call_id).toMatch(/^call_\d+_0$/);
    expect(JSON.stringify(toolMessage?.content)).toContain('Echo: hello from chat');
    // Chat calls carry a progress token (`_meta`) so the card can show the server's progress.
    expect(proxy.toolCalls()).toContainEqual(expect.objectContaining({ name: 'echo', arguments: { message: 'hello from chat' } }));
    // Rendered Markdown loads nothing remote: the image is shown as its URL and never requested.
    await chat.answerText(/not loaded: http:\/\/127\.0\.0\.1:\d+\/tracker\.png/).first().waitFor();
    expect(model.requests.filter((request) => request.path === '/tracker.png')).toEqual([]);

    const card = chat.toolCard('echo');
    await card.getByRole('button', { name: 'Details' }).click();
    await card.getByText('"message": "hello from chat"').first().waitFor();
    await card.getByText(/Echo: hello from chat/).first().waitFor();

    // Details links to the call's own frames in the connector's protocol log.
    await card.getByRole('button', { name: 'Show in protocol log' }).click();
    const page = fixture.panel.page;
    await page.getByRole('tab', { name: 'Connectors', selected: true }).waitFor();
    const log = page.getByRole('region', { name: 'Everything protocol log' });
    await log.getByRole('status').filter({ hasText: /^Frames of echo at/ }).waitFor();
    // The rows are read after the window's listing: wait for them, then check none is outside the call.
    await expect.poll(() => log.locator('.frame-method').allTextContents()).toContain('tools/call');
    expect(await log.locator('.frame-method').allTextContents()).not.toContain('initialize');
    chat = await fixture.panel.openChat();
    await chat.answerText('The server answered').waitFor();
  });

  it('shows an image only from the bytes a tool returned, in the call\'s Details', async () => {
    model.script([
      { type: 'tool-calls', calls: [{ name: 'Everything__get-tiny-image', arguments: '{}' }] },
      { type: 'text', text: 'Here is the image the server returned.' },
    ]);
    await chat.newConversation();
    await chat.useConnectors('Everything');
    await chat.send('Show me the tiny image');
    await chat.answerText('Here is the image the server returned.').waitFor({ timeout: 20_000 });
    const card = chat.toolCard('get-tiny-image');
    await card.getByRole('button', { name: 'Details' }).click();
    const image = card.getByRole('img');
    await image.first().waitFor();
    expect(await image.first().getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(await fixture.panel.page.locator('.markdown img').count()).toBe(0);
  });

  it('a message sent while the user is scrolled up brings the list back to its end, where the answer appears', async () => {
    const page = fixture.panel.page;
    const long = Array.from({ length: 120 }, (_, line) => `Line ${line + 1} of a long answer.`).join('\n\n');
    model.script([{ type: 'text', text: `${long}\n\nEnd of the long answer.` }]);
    await chat.newConversation();
    await chat.send('Write something long');
    await chat.answerText('End of the long answer.').waitFor({ timeout: 20_000 });
    const list = page.getByRole('region', { name: 'Messages' });
    const fromEnd = () => list.evaluate((element) => element.scrollHeight - element.clientHeight - element.scrollTop);
    // The user reads back up, as a person does, with the wheel.
    await list.hover();
    await page.mouse.wheel(0, -3_000);
    await expect.poll(fromEnd).toBeGreaterThan(1_500);
    model.script([{ type: 'text', text: 'Back at the end.' }]);
    await chat.send('And the short version?');
    await chat.answerText('Back at the end.').waitFor({ timeout: 20_000 });
    await expect.poll(fromEnd).toBeLessThanOrEqual(1);
  });

  it('does the same through the Responses API', async () => {
    const settings = await fixture.panel.openSettings();
    await settings.fill({ api: 'Responses' });
    await settings.save();
    chat = await fixture.panel.openChat();
    const before = modelRequests().length;
    model.script([
      { type: 'tool-calls', calls: [{ name: 'Everything__echo', arguments: '{"message":"via responses"}' }] },
      { type: 'text', text: 'Responses said Echo: via responses.' },
    ]);
    await chat.newConversation();
    await chat.useConnectors('Everything');
    await chat.send('Echo through the Responses API');

    await chat.answerText('Responses said').waitFor({ timeout: 20_000 });
    const requests = (await waitForModelRequests(before + 2)).slice(before);
    expect(requests.map((request) => request.path)).toEqual(['/v1/responses', '/v1/responses']);
    const input = (requests[1]!.body as { input: { type?: string; output?: unknown }[] }).input;
    const output = input.find((item) => item.type === 'function_call_output');
    expect(JSON.stringify(output?.output)).toContain('Echo: via responses');

    const back = await fixture.panel.openSettings();
    await back.fill({ api: 'Chat Completions' });
    await back.save();
    chat = await fixture.panel.openChat();
  });

  it('Stop ends a streaming answer, keeping what arrived', async () => {
    model.script([SLOW_ANSWER]);
    await chat.newConversation();
    await chat.send('Count slowly');
    await chat.answerText(/Counting slowly: 1 2/).waitFor({ timeout: 20_000 });
    await chat.stopButton.click();
    await chat.sendButton.waitFor({ timeout: 10_000 });
    await chat.answerText(/Stopped/).first().waitFor();
    expect(await chat.answerText(/ 150$/).count()).toBe(0);
  });

  it('a worker killed mid-stream leaves an interrupted answer that Retry completes', async () => {
    model.script([SLOW_ANSWER]);
    await chat.newConversation();
    await chat.send('Count slowly again');
    await chat.answerText(/Counting slowly: 1 2/).waitFor({ timeout: 20_000 });
    await killServiceWorker(fixture.panel.page);

    const retry = fixture.panel.page.getByRole('button', { name: 'Retry', exact: true });
    await retry.waitFor({ timeout: 30_000 });
    await chat.answerText(/restarted/).first().waitFor();
    model.script([{ type: 'text', text: 'Counted to three: 1 2 3.' }]);
    await retry.click();
    await chat.answerText('Counted to three: 1 2 3.').waitFor({ timeout: 20_000 });
    await retry.waitFor({ state: 'detached' });
  });

  it('a write tool waits for approval and sends nothing to the server', async () => {
    const before = modelRequests().length;
    model.script([{ type: 'tool-calls', calls: [{ name: 'Everything__toggle-simulated-logging', arguments: '{}' }] }]);
    await chat.newConversation();
    await chat.useConnectors('Everything');
    await chat.send('Turn on logging');

    const card = chat.approvalCard('toggle-simulated-logging');
    await card.waitFor({ timeout: 20_000 });
    await card.getByRole('button', { name: 'Approve' }).waitFor();
    await chat.sendButton.waitFor();
    expect(proxy.toolCalls().filter((call) => call.name === 'toggle-simulated-logging')).toEqual([]);
    expect(modelRequests().length).toBe(before + 1);
  });
});
