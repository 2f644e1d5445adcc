import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChatCommandHandlers, type ChatCommandHandlers } from '@/lib/background/chat-command-handlers';
import { exportConversation, serializeExport } from '@/lib/chat/conversation-export';
import { ConversationStore } from '@/lib/chat/conversation-store';
import { RunEngine } from '@/lib/chat/run-engine';
import type { PatchbayDatabase } from '@/lib/db/database';
import { openDatabase } from '@/lib/db/open-database';
import { AuditRowSchema, ConversationRowSchema, DecisionRowSchema, MessageRowSchema } from '@/lib/db/rows';
import { COMMAND_CHANNEL, CommandReplySchema } from '@/lib/messaging/command-protocol';
import { createCommandRouter, type CommandHandlers } from '@/lib/messaging/command-router';
import { callThen } from '../chat/approval-harness';
import { connectorRow, until } from '../chat/engine-harness';
import { fakeModel } from '../chat/fake-model';

const RUNS = { numRuns: 200 };
const EXTENSION_ID = 'patchbay-test-id';
const OWN = { id: EXTENSION_ID, origin: `chrome-extension://${EXTENSION_ID}/` };
const PANEL = { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/sidepanel.html` };

type ChatCommand = keyof ChatCommandHandlers;
/** The fields each command's schema requires; the rest of a generated payload is noise it must ignore. */
const REQUIRED: Record<ChatCommand, string[]> = {
  'chat.create': ['connectorIds'],
  'chat.rename': ['conversationId', 'title'],
  'chat.setConnectors': ['conversationId', 'connectorIds'],
  'chat.delete': ['conversationId'],
  'chat.import': ['text'],
  'chat.send': ['conversationId', 'text'],
  'chat.stop': ['conversationId'],
  'chat.retry': ['conversationId'],
  'chat.continue': ['conversationId'],
  'chat.decide': ['conversationId', 'callId', 'decision', 'remembered'],
  'chat.toolNames': ['connectorIds'],
  'chat.running': [],
  'chat.cancelCall': ['conversationId', 'callId'],
};

describe('the chat commands, behind the real router, whatever the payload', () => {
  let db: PatchbayDatabase;
  let engine: RunEngine;
  let route: ReturnType<typeof createCommandRouter>;
  /** A conversation with history, and one whose write call waits on its card. */
  let talked: string;
  let pending: string;
  let exported: string;

  beforeAll(async () => {
    db = await openDatabase(`patchbay-chat-commands-property-${Date.now()}`);
    await db.connectors.put(connectorRow());
    const store = new ConversationStore(db);
    const model = fakeModel(callThen('call-w', 'write_file', { path: 'a.txt', text: 'hi' }));
    engine = new RunEngine({ store, callTool: async () => ({ content: [{ type: 'text', text: 'done' }] }), model: async () => model.client });
    const chat = createChatCommandHandlers({ db, store, engine });
    route = createCommandRouter(chat as unknown as CommandHandlers, OWN);
    pending = (await chat['chat.create']({ connectorIds: ['conn-1'] })).conversationId;
    await chat['chat.send']({ conversationId: pending, text: 'write it' });
    await until(async () => !engine.runningConversationIds().includes(pending));
    talked = (await chat['chat.create']({ connectorIds: ['conn-1'] })).conversationId;
    await chat['chat.send']({ conversationId: talked, text: 'hello' });
    await until(async () => !engine.runningConversationIds().includes(talked));
    exported = serializeExport(await exportConversation(db, talked));
  });
  afterAll(async () => {
    for (const running of engine.runningConversationIds()) await engine.stop(running);
    db.close();
  });

  it('answers every one with a reply that parses, refuses with a message (never a TypeError), and leaves only rows that parse', async () => {
    const noise = fc.anything();
    const id = fc.oneof({ weight: 3, arbitrary: fc.constantFrom('talked', 'pending').map((which) => (which === 'talked' ? talked : pending)) }, fc.string(), noise);
    const importText = fc.oneof(
      fc.constant(exported),
      fc.json(),
      fc.string(),
      fc.jsonValue().map((value) => exported.replace(/"role": "user"/, `"role": ${JSON.stringify(value)}`)),
      fc.jsonValue().map((value) => exported.replace(/"seq": 0/, `"seq": ${JSON.stringify(value)}`)),
    );
    const fields = {
      conversationId: id,
      title: fc.oneof(fc.string({ maxLength: 250 }), noise),
      connectorIds: fc.oneof(fc.array(fc.oneof(fc.constant('conn-1'), fc.string())), noise),
      text: fc.oneof(importText, noise),
      keepId: fc.oneof(fc.boolean(), noise),
      callId: fc.oneof({ weight: 3, arbitrary: fc.constant('call-w') }, fc.string(), noise),
      decision: fc.constantFrom('allow', 'deny', 'maybe'),
      remembered: fc.oneof(fc.boolean(), noise),
      editedArgs: fc.oneof(fc.record({ path: fc.string(), text: fc.string() }), fc.dictionary(fc.string(), fc.jsonValue()), noise),
      panelSessionId: fc.oneof(fc.string(), noise),
    };
    // Deleting is rare, so the other commands mostly meet conversations that exist.
    const command = fc.oneof(
      { weight: 1, arbitrary: fc.constant<ChatCommand>('chat.delete') },
      { weight: 12, arbitrary: fc.constantFrom(...(Object.keys(REQUIRED) as ChatCommand[]).filter((name) => name !== 'chat.delete')) },
    );
    const message = command.chain((name) =>
      fc.oneof({ weight: 4, arbitrary: fc.record(fields, { requiredKeys: REQUIRED[name] as (keyof typeof fields)[] }) }, noise).map((payload) => ({ name, payload })),
    );
    await fc.assert(
      fc.asyncProperty(message, async ({ name, payload }) => {
        const reply = CommandReplySchema.parse(await route({ channel: COMMAND_CHANNEL, command: name, payload }, PANEL));
        if (!reply.ok) {
          expect(reply.error.message.trim()).not.toBe('');
          expect(reply.error.message).not.toMatch(/TypeError|is not a function|Cannot read prop|undefined is not/);
        }
        for (const row of await db.conversations.toArray()) expect(ConversationRowSchema.safeParse(row).success).toBe(true);
        for (const row of await db.messages.toArray()) expect(MessageRowSchema.safeParse(row).success).toBe(true);
        for (const row of await db.decisions.toArray()) expect(DecisionRowSchema.safeParse(row).success).toBe(true);
        for (const row of await db.audit.toArray()) expect(AuditRowSchema.safeParse(row).success).toBe(true);
      }),
      RUNS,
    );
  });
});
