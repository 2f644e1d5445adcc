import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { ConversationStore } from '@/lib/chat/conversation-store';
import { RunEngine, type RunCommand } from '@/lib/chat/run-engine';
import type { PatchbayDatabase } from '@/lib/db/database';
import type { MessagePart } from '@/lib/db/message-parts';
import { openDatabase } from '@/lib/db/open-database';
import type { ConnectorRow } from '@/lib/db/rows';
import type { ApprovalSettings } from '@/lib/contract/approval-settings';
import { callIdOf, connectorRow, until } from './engine-harness';
import { fakeModel, type FakeModel, type FakeTurn } from './fake-model';

/** A second, read-only connector whose output can end up in a write to the first ("Files"). */
export function webConnector(): ConnectorRow {
  return {
    ...connectorRow('conn-web'),
    label: 'Web',
    enabledTools: ['fetch_page'],
    tools: [{ name: 'fetch_page', description: 'Fetches a page.', inputSchema: { type: 'object', properties: { url: { type: 'string' } } }, annotations: { readOnlyHint: true } }],
    toolFingerprints: { fetch_page: 'fp-fetch' },
  };
}

export interface ApprovalHarness {
  db: PatchbayDatabase;
  store: ConversationStore;
  model: FakeModel;
  settings: ApprovalSettings;
  /** Every call the "server" received: tool name and the input actually sent. */
  calls: { toolName: string; args: Record<string, unknown> }[];
  /** What the fake tools answer, by tool name. */
  answers: Record<string, string>;
  engine: RunEngine;
  /** A new engine over the same database: what a restarted worker has. */
  restart(): RunEngine;
  conversation(connectorIds?: string[]): Promise<string>;
  /** Runs one command to its end. */
  run(conversationId: string, command: RunCommand): Promise<void>;
  lastParts(conversationId: string): Promise<MessagePart[]>;
  /** Patchbay's id, in the last message, of the call the model sent as `providerId` (see `callIdOf`). */
  callId(conversationId: string, providerId: string): Promise<string>;
  close(): Promise<void>;
}

let counter = 0;

/** The model calls `name` with `args`, then (next turn) answers `after`. */
export function callThen(callId: string, name: string, args: Record<string, unknown>): FakeTurn {
  return { events: [{ type: 'tool-call', callId, name, argsText: JSON.stringify(args) }, { type: 'finish', reason: 'tool-calls' }] };
}

export async function startApprovalHarness(): Promise<ApprovalHarness> {
  const db = await openDatabase(`patchbay-approvals-${++counter}-${Date.now()}`);
  await db.connectors.bulkPut([connectorRow(), webConnector()]);
  const store = new ConversationStore(db);
  const model = fakeModel();
  const calls: ApprovalHarness['calls'] = [];
  const answers: Record<string, string> = {};
  const settings: ApprovalSettings = { keepDecisionsAcrossReloads: false };
  const make = () =>
    new RunEngine({
      store,
      model: async () => model.client,
      approvalSettings: async () => ({ ...settings }),
      callTool: async (_connectorId, toolName, args): Promise<CallToolResult> => {
        calls.push({ toolName, args });
        return { content: [{ type: 'text', text: answers[toolName] ?? `${toolName} done` }] };
      },
    });
  const h: ApprovalHarness = {
    db, store, model, settings, calls, answers,
    engine: make(),
    restart: () => (h.engine = make()),
    conversation: async (connectorIds = ['conn-1']) => (await store.conversations.create({ title: 't', connectorIds, model: null })).id,
    run: async (conversationId, command) => {
      await h.engine.begin(conversationId, command).done;
      await until(() => !h.engine.runningConversationIds().includes(conversationId));
    },
    lastParts: async (conversationId) => (await store.last(conversationId))!.parts,
    callId: async (conversationId, providerId) => callIdOf((await store.last(conversationId))!.parts, providerId),
    close: async () => {
      for (const id of h.engine.runningConversationIds()) await h.engine.stop(id);
      db.close();
    },
  };
  return h;
}
