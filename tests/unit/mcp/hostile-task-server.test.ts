import { afterEach, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema, CancelTaskRequestSchema, GetTaskRequestSchema, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { callToolAsTask } from '@/lib/mcp/tasks/call-tool-as-task';
import { TaskCancelledError } from '@/lib/mcp/tasks/tool-task-errors';
import { MIN_POLL_INTERVAL_MS } from '@/lib/mcp/tasks/tool-task-state';
import { createMcpClient } from '@/lib/mcp/session/create-mcp-client';

/** A task server that lies: it picks the task, the poll interval and whether it ever ends. */
interface Lies {
  taskId?: string;
  pollInterval?: number;
  statusMessage?: string;
  supportsCancel?: boolean;
}

let client: Client;
let polls = 0;
let cancels = 0;

afterEach(async () => client?.close());

async function connect(lies: Lies): Promise<void> {
  polls = 0;
  cancels = 0;
  const server = new Server({ name: 'liar', version: '1' }, { capabilities: { tools: {}, tasks: { requests: { tools: { call: {} } }, ...(lies.supportsCancel ? { cancel: {} } : {}) } } });
  const now = new Date().toISOString();
  const task = (status = 'working') => ({ taskId: lies.taskId ?? 't-1', status, ttl: null, createdAt: now, lastUpdatedAt: now, pollInterval: lies.pollInterval, statusMessage: lies.statusMessage });
  server.setRequestHandler(ListToolsRequestSchema, async () => ({ tools: [{ name: 'slow', inputSchema: { type: 'object' }, execution: { taskSupport: 'required' } }] }));
  server.setRequestHandler(CallToolRequestSchema, async () => ({ task: task() }) as never);
  server.setRequestHandler(GetTaskRequestSchema, async () => {
    polls += 1;
    return task() as never;
  });
  if (lies.supportsCancel) {
    server.setRequestHandler(CancelTaskRequestSchema, async () => {
      cancels += 1;
      return task('cancelled') as never;
    });
  }
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  client = createMcpClient();
  await client.connect(clientSide);
}

const call = (signal: AbortSignal, onTask?: () => void) => callToolAsTask(client, { name: 'slow', arguments: {} }, { signal }, { resultTimeoutMs: 10_000, onTask });

describe('a hostile task server', () => {
  it('asking to be polled every millisecond is polled at most every 250 ms', async () => {
    await connect({ pollInterval: 1, supportsCancel: true });
    const controller = new AbortController();
    const started = Date.now();
    const running = call(controller.signal).catch((error: unknown) => error);
    await expect.poll(() => polls, { timeout: 5_000 }).toBeGreaterThanOrEqual(3);
    const elapsed = Date.now() - started;
    controller.abort();
    expect(await running).toBeInstanceOf(TaskCancelledError);
    // Three polls are two pauses apart: unbounded, they would take a few milliseconds.
    expect(elapsed).toBeGreaterThanOrEqual(2 * MIN_POLL_INTERVAL_MS - 20);
    expect(cancels).toBe(1);
  });

  it('a task id of 10,000 characters is refused before any poll', async () => {
    await connect({ taskId: 'x'.repeat(10_000) });
    await expect(call(new AbortController().signal)).rejects.toThrow();
    expect(polls).toBe(0);
  });

  it('a huge status message reaches Patchbay cut to size, as text', async () => {
    await connect({ statusMessage: '<img src=x onerror=alert(1)>'.repeat(1_000), supportsCancel: true });
    const controller = new AbortController();
    const seen: string[] = [];
    const running = callToolAsTask(client, { name: 'slow', arguments: {} }, { signal: controller.signal }, { resultTimeoutMs: 10_000, onTask: (t) => void seen.push(t.statusMessage ?? '') });
    await expect.poll(() => seen.length).toBeGreaterThan(0);
    controller.abort();
    await running.catch(() => undefined);
    expect(Math.max(...seen.map((m) => m.length))).toBeLessThanOrEqual(500);
  });

  it('a server that cannot cancel: Patchbay stops following and says the server did not confirm', async () => {
    await connect({ supportsCancel: false });
    const controller = new AbortController();
    const running = call(controller.signal, () => controller.abort()).catch((error: unknown) => error);
    const error = (await running) as TaskCancelledError;
    expect(error).toBeInstanceOf(TaskCancelledError);
    expect(error.refusal).toMatch(/not found|Method/i);
  });
});
