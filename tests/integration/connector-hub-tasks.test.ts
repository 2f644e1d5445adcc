import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { ToolTask } from '@/lib/contract/tool-task';
import { TaskCancelledError } from '@/lib/mcp/tasks/tool-task-errors';
import { startServerEverything, type RunningServer } from '../fixtures/mcp-servers/server-everything';
import { HubHarness, waitFor } from './connector-hub-harness';

const textOf = (result: CallToolResult) => result.content.map((block) => (block.type === 'text' ? block.text : '')).join('');

// server-everything's `simulate-research-query` requires task mode (4 stages of 1 s each).
describe('tasks, logging and cancellation against server-everything', () => {
  let server: RunningServer;
  let harness: HubHarness;
  let id: string;

  beforeAll(async () => {
    server = await startServerEverything('streamableHttp');
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    harness = await HubHarness.create();
    id = await harness.add('Everything', server.url, 'streamable-http');
    await harness.hub.start();
    await harness.waitReady(id);
  });
  afterEach(() => harness.close());

  it('calls a task tool as a task, reports each state, and returns its result', async () => {
    const states: ToolTask[] = [];
    const result = await harness.hub.callTool(id, 'simulate-research-query', { topic: 'tides' }, { onTask: (task) => states.push(task) });
    expect(textOf(result)).toContain('Research Report: tides');
    expect(states[0]).toMatchObject({ status: 'working', taskId: expect.any(String), pollIntervalMs: 1000 });
    expect(states.at(-1)!.status).toBe('completed');
    expect(new Set(states.map((s) => s.taskId)).size).toBe(1);
    expect(states.some((s) => s.statusMessage?.includes('Analyzing content'))).toBe(true);
    const methods = (await harness.wireOf(id)).filter((e) => e.direction === 'out').map((e) => e.method);
    expect(methods).toEqual(expect.arrayContaining(['tools/call', 'tasks/get', 'tasks/result']));
    const call = (await harness.wireOf(id)).find((e) => e.direction === 'out' && e.method === 'tools/call')!.frame as { params: { task?: unknown } };
    expect(call.params.task).toEqual(expect.objectContaining({ ttl: expect.any(Number) }));
  });

  it('an aborted task call sends tasks/cancel, and the server reports the task cancelled', async () => {
    const controller = new AbortController();
    let taskId = '';
    const states: ToolTask[] = [];
    const call = harness.hub.callTool(id, 'simulate-research-query', { topic: 'stop me' }, {
      signal: controller.signal,
      onTask: (task) => {
        states.push(task);
        taskId = task.taskId;
        if (task.status === 'working') controller.abort();
      },
    });
    const error = await call.then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(TaskCancelledError);
    expect((error as TaskCancelledError).refusal).toBeUndefined();
    // The server's answer to tasks/cancel is the last state reported, so the card says cancelled.
    expect(states.at(-1)?.status).toBe('cancelled');
    const cancel = (await harness.wireOf(id)).find((e) => e.direction === 'out' && e.method === 'tasks/cancel')!.frame as { params: { taskId: string } };
    expect(cancel.params.taskId).toBe(taskId);
    // The server itself says so: a later tasks/get (through a follow) ends in cancelled at once.
    const followed = await harness.hub.followTask(id, taskId, {}).then(() => null, (e: unknown) => e);
    expect(followed).toBeInstanceOf(TaskCancelledError);
  });

  it('a restarted hub follows a task by its id alone and gets its result, never sending the call again', async () => {
    let taskId = '';
    const first = harness.hub.callTool(id, 'simulate-research-query', { topic: 'resume' }, { onTask: (task) => void (taskId ||= task.taskId) });
    await waitFor(() => taskId !== '', 'the task to be created');
    // Stand-in for the worker dying: the first hub's sessions close; nothing aborts or cancels.
    await harness.close();
    await first.catch(() => undefined);
    const later = harness.restarted();
    await later.hub.start();
    const states: ToolTask[] = [];
    await later.waitForState(id, 'connected');
    const result = await later.hub.followTask(id, taskId, { onTask: (task) => states.push(task) });
    expect(textOf(result)).toContain('Research Report: resume');
    expect(states.at(-1)).toMatchObject({ taskId, status: 'completed' });
    expect((await harness.wireOf(id)).filter((e) => e.direction === 'out' && e.method === 'tools/call')).toHaveLength(1);
    expect((await later.wireOf(id)).some((e) => e.direction === 'out' && e.method === 'tools/call')).toBe(false);
    expect([...(await harness.wireOf(id)), ...(await later.wireOf(id))].some((e) => e.direction === 'out' && e.method === 'tasks/cancel')).toBe(false);
    harness = later;
  }, 15_000);

  it('sets the log level, remembers it, sends it again on reconnect, and records notifications/message', async () => {
    await harness.hub.setLogLevel(id, 'debug');
    expect((await harness.row(id)).logLevel).toBe('debug');
    await harness.hub.callTool(id, 'toggle-simulated-logging', {}, {});
    const message = await waitFor(() => harness.wire.get(id)!.find((e) => e.method === 'notifications/message'), 'a log message', 15_000);
    expect(message.frame).toMatchObject({ params: { level: expect.any(String), data: expect.anything() } });
    await harness.hub.reconnect(id);
    await harness.waitForState(id, 'connected');
    const setLevels = () => harness.wire.get(id)!.filter((e) => e.direction === 'out' && e.method === 'logging/setLevel');
    await waitFor(() => setLevels().length >= 2, 'the level sent again after reconnect');
    expect((setLevels().at(-1)!.frame as { params: unknown }).params).toEqual({ level: 'debug' });
  });

  it('refuses a log level for a server that did not declare logging', async () => {
    await harness.db.connectors.update(id, { capabilities: { tools: {} } });
    await expect(harness.hub.setLogLevel(id, 'info')).rejects.toThrow(/did not declare logging/);
  });
});
