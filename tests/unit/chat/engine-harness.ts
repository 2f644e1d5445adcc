import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { PatchbayDatabase } from '@/lib/db/database';
import type { MessagePart } from '@/lib/db/message-parts';
import { openDatabase } from '@/lib/db/open-database';
import type { ConnectorRow, MessageRow } from '@/lib/db/rows';
import { ConversationStore } from '@/lib/chat/conversation-store';
import type { RunEvent } from '@/lib/chat/run-context';
import { RunEngine, type RunEngineOptions } from '@/lib/chat/run-engine';
import type { CallTool } from '@/lib/chat/run-tool-call';
import type { ModelApi } from '@/lib/contract/model-api';
import { createModelClient } from '@/lib/llm/model-client';
import { startModelServer, type ModelServer } from '../../fixtures/model-server';
import { newConnectorRow } from '@/lib/mcp/connectors/save-connector';
import { fakeModel, type FakeModel } from './fake-model';

export const KEY = 'sk-engine';
/** The model's names for the test connector's tools (label "Files"). */
export const READ = 'Files__read_file';
export const WRITE = 'Files__write_file';

export interface ToolCallRecord {
  connectorId: string;
  toolName: string;
  args: Record<string, unknown>;
  signal: AbortSignal;
}

export interface Harness {
  db: PatchbayDatabase;
  store: ConversationStore;
  server: ModelServer;
  engine: RunEngine;
  conversationId: string;
  calls: ToolCallRecord[];
  events: RunEvent[];
  /** What the fake tool answers; replace to make it hang or fail. */
  answer: (record: ToolCallRecord) => Promise<CallToolResult>;
  history(): Promise<MessageRow[]>;
  lastParts(): Promise<MessagePart[]>;
  /** Model requests (chat or responses) the server received, bodies parsed. */
  modelRequests(): Record<string, unknown>[];
  close(): Promise<void>;
}

let counter = 0;

export function connectorRow(id = 'conn-1'): ConnectorRow {
  const now = Date.now();
  return {
    ...newConnectorRow(id, now),
    label: 'Files',
    url: 'http://127.0.0.1:1/mcp',
    enabledTools: ['read_file', 'write_file'],
    tools: [
      {
        name: 'read_file',
        description: 'Reads a file.',
        inputSchema: { type: 'object', properties: { path: { type: 'string' } }, required: ['path'] },
        annotations: { readOnlyHint: true },
      },
      {
        name: 'write_file',
        description: 'Writes a file.',
        inputSchema: { type: 'object', properties: { path: { type: 'string' }, text: { type: 'string' } }, required: ['path', 'text'] },
      },
    ],
    toolsFetchedAt: now,
    toolFingerprints: { read_file: 'fp-read', write_file: 'fp-write' },
    timeoutMs: 30_000,
  };
}

export async function startHarness(options: Partial<RunEngineOptions> & { api?: ModelApi } = {}): Promise<Harness> {
  const db = await openDatabase(`patchbay-chat-${++counter}-${Date.now()}`);
  const store = new ConversationStore(db);
  await db.connectors.put(connectorRow());
  const conversation = await store.conversations.create({ title: 't', connectorIds: ['conn-1'], model: null });
  const server = await startModelServer({ apiKey: KEY, models: ['m1'] });
  const calls: ToolCallRecord[] = [];
  const events: RunEvent[] = [];
  const harness: Harness = {
    db,
    store,
    server,
    conversationId: conversation.id,
    calls,
    events,
    answer: async (record) => ({ content: [{ type: 'text', text: `contents of ${String(record.args.path)}` }] }),
    engine: undefined as never,
    history: () => store.history(conversation.id),
    lastParts: async () => (await store.last(conversation.id))!.parts,
    modelRequests: () =>
      server.requests.filter((r) => r.path === '/v1/chat/completions' || r.path === '/v1/responses').map((r) => r.body as Record<string, unknown>),
    close: async () => {
      await harness.engine.stop(conversation.id);
      db.close();
      await server.close();
    },
  };
  const callTool: CallTool = (connectorId, toolName, args, { signal }) => {
    const record = { connectorId, toolName, args, signal };
    calls.push(record);
    return harness.answer(record);
  };
  harness.engine = new RunEngine({
    store,
    callTool,
    model: async () => createModelClient({ apiKey: KEY, baseUrl: server.url, model: 'm1', api: options.api }),
    onEvent: (event) => events.push(event),
    ...options,
  });
  return harness;
}

/** Waits for a condition without a fixed sleep: polls every few ms, fails after `timeoutMs`. */
export async function until<T>(probe: () => T | Promise<T>, timeoutMs = 5_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error('Condition not met in time.');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export function byType<T extends MessagePart['type']>(parts: MessagePart[], type: T): Extract<MessagePart, { type: T }>[] {
  return parts.filter((part): part is Extract<MessagePart, { type: T }> => part.type === type);
}

/**
 * Patchbay's id of the call the model sent as `providerId`: what a card decides on, and what its
 * approval, result and audit rows name (the model's own id is kept only for the round trip).
 */
export function callIdOf(parts: readonly MessagePart[], providerId: string): string {
  const call = parts.find((part) => part.type === 'tool-call' && (part.providerCallId ?? part.callId) === providerId);
  if (call?.type !== 'tool-call') throw new Error(`No tool call the model named ${providerId}.`);
  return call.callId;
}

/** A promise that never settles unless its signal aborts: a tool call caught in flight. */
export function hangUntilAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true }));
}

/** A harness whose engine asks one fake model, scripted by the test as it goes. */
export async function startWithFakeModel(): Promise<{ h: Harness; model: FakeModel }> {
  const model = fakeModel();
  return { h: await startHarness({ model: async () => model.client }), model };
}
