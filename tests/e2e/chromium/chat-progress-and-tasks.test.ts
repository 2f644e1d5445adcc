import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRecordingProxy, type RecordingProxy } from '../../fixtures/mcp-servers/recording-proxy';
import { startServerEverything, type RunningServer } from '../../fixtures/mcp-servers/server-everything';
import { startTaskExampleServer, type TaskExampleServer } from '../../fixtures/mcp-servers/simple-task-interactive';
import { startModelServer, type ModelServer, type RecordedRequest } from '../../fixtures/model-server';
import { useChromiumPanel } from '../harness/chromium-panel-fixture';
import { killServiceWorker } from '../harness/service-worker';
import type { ChatPage } from '../pages/chat-page';

describe('progress, Cancel and tasks in the chat (Chromium)', () => {
  const fixture = useChromiumPanel();
  let everything: RunningServer;
  let proxy: RecordingProxy;
  let tasks: TaskExampleServer;
  let model: ModelServer;
  let chat: ChatPage;

  beforeAll(async () => {
    everything = await startServerEverything('streamableHttp');
    proxy = await startRecordingProxy(everything.url);
    tasks = await startTaskExampleServer();
    model = await startModelServer({ apiKey: 'sk-tasks-e2e', models: ['scripted-model'] });
    const settings = await fixture.panel.openSettings();
    await settings.fill({ apiKey: 'sk-tasks-e2e', baseUrl: model.url, model: 'scripted-model' });
    await settings.save();
    const connectors = await fixture.panel.openConnectors();
    await connectors.add({ name: 'Everything', url: proxy.url });
    await connectors.waitForTool('Everything', 'simulate-research-query');
    await connectors.add({ name: 'Tasks', url: tasks.url });
    await connectors.waitForTool('Tasks', 'confirm_delete');
    chat = await fixture.panel.openChat();
  });
  afterAll(async () => {
    await model?.close();
    await tasks?.close();
    await proxy?.close();
    await everything?.close();
  });

  const modelRequests = (): RecordedRequest[] => model.requests.filter((r) => r.method === 'POST' && /\/chat\/completions$/.test(r.path));
  const lastModelRequest = () => JSON.stringify(modelRequests().at(-1)?.body);

  async function approve(tool: string): Promise<void> {
    await chat.approvalCard(tool).getByRole('button', { name: 'Approve', exact: true }).click();
  }

  it("its long-running operation: the progress bar advances, and Cancel stops that call on the server while the run goes on", async () => {
    model.script([
      { type: 'tool-calls', calls: [{ name: 'Everything__trigger-long-running-operation', arguments: '{"duration":30,"steps":30}' }] },
      { type: 'text', text: 'Understood, the operation was cancelled.' },
    ]);
    await chat.newConversation();
    await chat.useConnectors('Everything');
    await chat.send('Run the long operation');
    const card = chat.toolCard('trigger-long-running-operation');
    const bar = card.getByRole('progressbar', { name: 'Progress of trigger-long-running-operation' });
    await bar.waitFor({ timeout: 20_000 });
    const valueNow = () => bar.evaluate((el) => (el as HTMLProgressElement).value);
    const first = await valueNow();
    expect(await bar.evaluate((el) => (el as HTMLProgressElement).max)).toBe(30);
    await expect.poll(valueNow, { timeout: 10_000 }).toBeGreaterThan(first);
    await card.getByText(/\d+ of 30/).waitFor();

    await card.getByRole('button', { name: 'Cancel', exact: true }).click();
    await chat.answerText('Understood, the operation was cancelled.').waitFor({ timeout: 20_000 });
    await expect.poll(() => card.getAttribute('aria-label')).toMatch(/cancelled/);
    await expect(card.getByRole('progressbar').count()).resolves.toBe(0);
    expect(lastModelRequest()).toContain('cancelled this call');
    // The server got notifications/cancelled for exactly that tools/call.
    const call = proxy.messages.filter((m) => m.method === 'tools/call' && (m.params as { name?: string }).name === 'trigger-long-running-operation').at(-1);
    expect(call?.id).toEqual(expect.any(Number));
    await expect.poll(() => proxy.messages.some((m) => m.method === 'notifications/cancelled' && (m.params as { requestId?: unknown }).requestId === call!.id)).toBe(true);
  });

  it('simpleTaskInteractive: a task followed to completion (input_required, then its result reaches the model)', async () => {
    model.script([
      { type: 'tool-calls', calls: [{ name: 'Tasks__confirm_delete', arguments: '{"filename":"old.txt"}' }] },
      { type: 'text', text: 'The file is gone.' },
    ]);
    await chat.newConversation();
    await chat.useConnectors('Tasks');
    await chat.send('Delete old.txt');
    await approve('confirm_delete');
    const card = chat.toolCard('confirm_delete');
    // The server waits for the person's answer to its elicitation: the card says so.
    await card.getByText('Task needs input').waitFor({ timeout: 20_000 });
    await card.getByRole('button', { name: 'Cancel task' }).waitFor();
    // Its elicitation is a card below the call: the person confirms and accepts.
    const request = fixture.panel.page.getByRole('article', { name: 'Request from Tasks' });
    await request.getByText("Are you sure you want to delete 'old.txt'?").waitFor({ timeout: 20_000 });
    await request.getByRole('checkbox', { name: 'confirm' }).check();
    await request.getByRole('button', { name: 'Accept', exact: true }).click();
    await chat.answerText('The file is gone.').waitFor({ timeout: 20_000 });
    await card.getByText('Task completed').waitFor();
    expect(await card.getByRole('button', { name: 'Cancel task' }).count()).toBe(0);
    expect(lastModelRequest()).toContain("Deleted 'old.txt'");
    expect(tasks.cancelledTaskIds).toEqual([]);
  });

  it('simpleTaskInteractive: Cancel task sends tasks/cancel, the server records it, and the model learns the task was cancelled', async () => {
    model.script([
      { type: 'tool-calls', calls: [{ name: 'Tasks__confirm_delete', arguments: '{"filename":"keep.txt"}' }] },
      { type: 'text', text: 'I stopped, keep.txt stays.' },
    ]);
    await chat.newConversation();
    await chat.useConnectors('Tasks');
    await chat.send('Delete keep.txt');
    await approve('confirm_delete');
    const card = chat.toolCard('confirm_delete');
    await card.getByText('Task needs input').waitFor({ timeout: 20_000 });
    await card.getByRole('button', { name: 'Cancel task' }).click();
    await chat.answerText('I stopped, keep.txt stays.').waitFor({ timeout: 20_000 });
    await expect.poll(() => tasks.cancelledTaskIds.length).toBe(1);
    await expect.poll(() => card.getAttribute('aria-label')).toMatch(/cancelled/);
    await card.getByText('Task cancelled').waitFor();
    expect(lastModelRequest()).toMatch(/task was cancelled/i);
    expect(tasks.log.some((line) => line.includes("Deleted 'keep.txt'"))).toBe(false);
  });

  it('a task survives the worker: killed mid-task, the next worker follows it to its end and the result reaches the model', async () => {
    model.script([
      { type: 'tool-calls', calls: [{ name: 'Everything__simulate-research-query', arguments: '{"topic":"worker restarts"}' }] },
      { type: 'text', text: 'Report received after the restart.' },
    ]);
    await chat.newConversation();
    await chat.useConnectors('Everything');
    await chat.send('Research worker restarts');
    await approve('simulate-research-query');
    const card = chat.toolCard('simulate-research-query');
    await card.getByText('Task working').waitFor({ timeout: 20_000 });
    const callsBefore = proxy.toolCalls().filter((c) => c.name === 'simulate-research-query').length;
    await killServiceWorker(fixture.panel.page);
    // A fresh panel's first message wakes the worker, which resumes the conversation's task.
    await fixture.panel.reload();
    chat = await fixture.panel.openChat();
    await fixture.panel.page.getByRole('button', { name: 'Conversations', exact: true }).click();
    await fixture.panel.page.getByRole('navigation', { name: 'Conversations' }).getByText('Research worker restarts').first().click();
    await chat.answerText('Report received after the restart.').waitFor({ timeout: 30_000 });
    await chat.toolCard('simulate-research-query').getByText('Task completed').waitFor();
    expect(lastModelRequest()).toContain('Research Report: worker restarts');
    expect(proxy.toolCalls().filter((c) => c.name === 'simulate-research-query').length).toBe(callsBefore);
  });
});
