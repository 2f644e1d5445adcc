import { z } from 'zod';
import { AttachedContextSchema } from '../contract/attached-context';

const ConversationIdSchema = z.object({ conversationId: z.string() });

/**
 * The panel page load a command comes from (a random id made once per load). Remembered
 * decisions apply only within the load they were made in, unless the user keeps them across reloads.
 */
const PanelSessionSchema = z.object({ panelSessionId: z.string().optional() });
const RunCommandSchema = ConversationIdSchema.extend(PanelSessionSchema.shape);

/** What a conversation import answers: the new conversation, or the precise reason it was refused. */
export const ImportResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), conversationId: z.string() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type ImportResult = z.infer<typeof ImportResultSchema>;

/** Every offered tool under its model name; `collisions` lists tool names that more than one connector offers. */
export const ToolNamesSchema = z.object({
  tools: z.array(z.object({ connectorId: z.string(), toolName: z.string(), modelName: z.string() })),
  collisions: z.array(z.string()),
});
export type ToolNames = z.infer<typeof ToolNamesSchema>;

/**
 * The chat's commands. The panel reads conversations and messages straight from IndexedDB (live
 * queries); every write goes through these, so the background stays the only writer.
 */
export const chatCommandProtocol = {
  /** A new, empty conversation using these connectors; titled from its first message later. */
  'chat.create': { request: z.object({ connectorIds: z.array(z.string()) }), response: z.object({ conversationId: z.string() }) },
  'chat.rename': { request: ConversationIdSchema.extend({ title: z.string().trim().min(1).max(200) }), response: z.object({}) },
  /** Which connectors' enabled tools the model may call in this conversation from its next step on. */
  'chat.setConnectors': { request: ConversationIdSchema.extend({ connectorIds: z.array(z.string()) }), response: z.object({}) },
  /** Deletes the conversation and its messages; answers the JSON export that `chat.import` restores (Undo). */
  'chat.delete': { request: ConversationIdSchema, response: z.object({ backup: z.string() }) },
  /** Imports an exported conversation (JSON text); refused with a clear reason, never half-written. */
  'chat.import': { request: z.object({ text: z.string(), keepId: z.boolean().default(false) }), response: ImportResultSchema },
  /**
   * Appends the user's message and starts the run; answers once the message is stored, not when the run ends.
   * `attachments` go with the message as data marked with their source; over the limits of
   * lib/contract/attachment-limits the send is refused (`attachments-refused`) and nothing is stored.
   */
  'chat.send': {
    request: RunCommandSchema.extend({ text: z.string().trim().min(1), attachments: z.array(AttachedContextSchema).optional() }),
    response: z.object({}),
  },
  /** Aborts the model request and any tool call of the conversation's run; answers once the parts are written. */
  'chat.stop': { request: ConversationIdSchema, response: z.object({}) },
  /** Asks the model again for the last answer that was cut or failed; the cut answer is replaced. */
  'chat.retry': { request: RunCommandSchema, response: z.object({}) },
  /** Keeps the cut answer and asks the model to go on from where it stopped. */
  'chat.continue': { request: RunCommandSchema, response: z.object({}) },
  /** The user's decision on a pending write call; the run goes on either way (a denial reaches the model). */
  'chat.decide': {
    request: RunCommandSchema.extend({
      callId: z.string(),
      decision: z.enum(['allow', 'deny']),
      remembered: z.boolean(),
      /** Approve with this input instead of the model's; refused unless it passes the tool's schema. */
      editedArgs: z.record(z.string(), z.unknown()).optional(),
    }),
    response: z.object({}),
  },
  /**
   * The names the model sees for these connectors' tools, and the tool names several connectors
   * share (each copy stays usable under its own model name), so the panel can show the collision.
   * Asked by connector ids, so a new conversation shows it before its first message.
   */
  'chat.toolNames': { request: z.object({ connectorIds: z.array(z.string()) }), response: ToolNamesSchema },
  /** Conversations with a run in progress, so a reopened panel shows Stop where it should. */
  'chat.running': { request: z.object({}), response: z.object({ conversationIds: z.array(z.string()) }) },
} satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;
