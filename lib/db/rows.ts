import { z } from 'zod';
import { SystemPromptSchema } from '../contract/system-prompt';
import { MessagePartSchema } from './message-parts';
import { ToolListDiffSchema } from '../contract/tool-diff';
import { AttachedContextSchema } from '../contract/attached-context';
import { connectorFields } from './connector-fields';
import { StoredCapabilitiesSchema, StoredServerInfoSchema, StoredToolListSchema, StoredToolSnapshotSchema } from './stored-mcp-shapes';

/** A user-added MCP server. Tool lists are cached so the panel can render before a reconnect. */
export const ConnectorRowSchema = z.object({
  ...connectorFields,
  /** The server's last tool list, as the SDK's `Tool`s; a stored tool that no longer fits is left out. */
  tools: StoredToolListSchema,
  /** The server's name and version from the handshake (the SDK's `Implementation`). */
  serverInfo: StoredServerInfoSchema,
  /** What the server said it supports at the handshake (the SDK's `ServerCapabilities`). */
  capabilities: StoredCapabilitiesSchema,
  /** What changed in the tool list at the last refresh; shown until the next one (a stored one that no longer fits reads as none). */
  toolChanges: ToolListDiffSchema.nullable().catch(null),
});
export type ConnectorRow = z.infer<typeof ConnectorRowSchema>;

/** Model settings pinned on a conversation, so changing Settings does not rewrite history. */
export const ConversationModelSchema = z.object({ baseUrl: z.string(), model: z.string() });

/**
 * A turn that Edit & Resend or Regenerate replaced: the messages as they were, kept on the
 * conversation (and so in its JSON export) instead of being deleted, so nothing is lost silently.
 * Without ids or seq: they are history to read, never messages the model sees again.
 */
export const ReplacedTurnSchema = z.object({
  replacedAt: z.number(),
  why: z.enum(['edited', 'regenerated']),
  messages: z.array(z.object({ role: z.enum(['user', 'assistant', 'tool']), parts: z.array(MessagePartSchema), createdAt: z.number() })),
});
export type ReplacedTurn = z.infer<typeof ReplacedTurnSchema>;

export const ConversationRowSchema = z.object({
  id: z.string(),
  title: z.string(),
  connectorIds: z.array(z.string()),
  model: ConversationModelSchema.nullable(),
  /**
   * The user turned the what-if descriptions (Evals) on for this conversation: the model is shown
   * the overriding texts, the server still gets only calls. Optional and unindexed: no schema version.
   */
  whatIf: z.boolean().optional(),
  createdAt: z.number(),
  updatedAt: z.number(),
  /**
   * The conversation's own instructions, sent first as the system message of every request (both
   * APIs). Optional and unindexed: older rows have none, and no schema version is needed.
   */
  systemPrompt: SystemPromptSchema.optional(),
  /** What Edit & Resend and Regenerate replaced, oldest first (see `ReplacedTurnSchema`). */
  replacedTurns: z.array(ReplacedTurnSchema).optional(),
});
export type ConversationRow = z.infer<typeof ConversationRowSchema>;

/** One chat message; `seq` orders messages inside a conversation without relying on clocks. */
export const MessageRowSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  seq: z.number().int().nonnegative(),
  role: z.enum(['user', 'assistant', 'tool']),
  parts: z.array(MessagePartSchema),
  createdAt: z.number(),
  /** Tokens the model reported for this answer (assistant messages; absent when the endpoint gives none). */
  usage: z.object({ inputTokens: z.number().int().nonnegative(), outputTokens: z.number().int().nonnegative() }).optional(),
  /**
   * Context the user attached to this (user) message: resources, prompt content, the page. Stored
   * with it so the model's every later step, the export and the Markdown read the same data.
   * Optional and unindexed: older rows lack it, and no schema version is needed.
   */
  attachments: z.array(AttachedContextSchema).optional(),
});
export type MessageRow = z.infer<typeof MessageRowSchema>;

/**
 * A remembered approval. Bound to the tool's fingerprint: when the tool changes, the stored
 * decision no longer matches and the user is asked again.
 */
export const DecisionRowSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  connectorId: z.string(),
  toolName: z.string(),
  toolFingerprint: z.string(),
  decision: z.enum(['allow', 'deny']),
  scope: z.enum(['conversation']),
  decidedAt: z.number(),
  /** The panel page load it was made in: by default a reload asks again (the seed's rule). */
  panelSessionId: z.string().optional(),
  /** The tool's definition when decided, so a changed tool's card can show what changed. */
  toolSnapshot: StoredToolSnapshotSchema,
});
export type DecisionRow = z.infer<typeof DecisionRowSchema>;

/**
 * Append-only record of every approval, denial and write call, and of every write tool run by
 * hand from the Connectors screen (`hand-run`); never updated in place.
 */
export const AuditRowSchema = z.object({
  id: z.number().int().optional(),
  at: z.number(),
  /** `server-request`: the answer to a server's request (elicitation, sampling), with what was sent. */
  kind: z.enum(['approved', 'denied', 'write-call', 'hand-run', 'server-request']),
  /** The conversation the entry belongs to; empty for a `hand-run`, which belongs to none. */
  conversationId: z.string(),
  connectorId: z.string(),
  toolName: z.string(),
  detail: z.record(z.string(), z.unknown()),
});
export type AuditRow = z.infer<typeof AuditRowSchema>;

/** One JSON-RPC frame or HTTP status seen on a connector's wire, for the inspector. */
export const ProtocolFrameRowSchema = z.object({
  id: z.number().int().optional(),
  connectorId: z.string(),
  at: z.number(),
  direction: z.enum(['out', 'in']),
  method: z.string().nullable(),
  httpStatus: z.number().int().nullable(),
  durationMs: z.number().nullable(),
  sizeBytes: z.number().int().nonnegative(),
  frame: z.unknown(),
  /** The frame was too large to log whole: `frame` is a shortened copy, `sizeBytes` the whole size. */
  capped: z.boolean().optional(),
});
export type ProtocolFrameRow = z.infer<typeof ProtocolFrameRowSchema>;

/** Totals per connector's protocol log: the ring drops old frames, the counts remember them. */
export const ProtocolLogStatsRowSchema = z.object({
  connectorId: z.string(),
  total: z.number().int().nonnegative(),
  dropped: z.number().int().nonnegative(),
  /**
   * Frames never stored because the log writer fell behind (its queue was full): counted, not
   * held in memory. Optional: stats written before it existed still parse.
   */
  unrecorded: z.number().int().nonnegative().optional(),
});
export type ProtocolLogStatsRow = z.infer<typeof ProtocolLogStatsRowSchema>;
