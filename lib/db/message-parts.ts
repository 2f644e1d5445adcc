import { z } from 'zod';
import { ToolChangeSchema } from '../contract/tool-diff';
import { ToolTaskSchema } from '../contract/tool-task';
import { readStoredResult, StoredToolSnapshotSchema } from './stored-mcp-shapes';

/**
 * Why a part stopped short of `complete`. Every terminal status carries one, so the UI can say
 * what happened instead of showing a half-written message with no explanation.
 */
export const PartEndReasonSchema = z.object({
  code: z.enum(['cancelled', 'error', 'interrupted', 'denied', 'step-limit', 'outcome-unknown']),
  message: z.string(),
});
export type PartEndReason = z.infer<typeof PartEndReasonSchema>;

/**
 * A part's lifecycle. `interrupted` is what the run engine writes when the worker died mid-step:
 * it is never silently dropped.
 */
export const PartStatusSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('running') }),
  z.object({ type: z.literal('requires-action') }),
  z.object({ type: z.literal('complete') }),
  z.object({ type: z.literal('incomplete'), reason: PartEndReasonSchema }),
]);
export type PartStatus = z.infer<typeof PartStatusSchema>;

const partBase = { id: z.string(), status: PartStatusSchema };

/** Model text; streamed in batches, so a cut stream still leaves what arrived. */
export const TextPartSchema = z.object({
  ...partBase,
  type: z.literal('text'),
  text: z.string(),
  /**
   * The user chose Continue on this cut text: it stays in the answer (its status still says why it
   * was cut) and the model goes on from it in the next message.
   */
  kept: z.boolean().optional(),
});
export const ReasoningPartSchema = z.object({ ...partBase, type: z.literal('reasoning'), text: z.string() });

/**
 * A tool call as the model produced it. `argsText` is kept raw beside the parsed `args` because
 * the model's output may not parse, and the user must still see exactly what it sent.
 */
export const ToolCallPartSchema = z.object({
  ...partBase,
  type: z.literal('tool-call'),
  /**
   * Patchbay's own id for the call, unique in the conversation: its approval and result point to it,
   * and the panel's card and the background resolve a card to the call by it.
   */
  callId: z.string(),
  /**
   * The id the model gave the call, kept only to answer the model under it. The model is not
   * trusted to make ids unique, so nothing else looks calls up by it. Absent in rows from before
   * it existed: `callId` was the model's id then.
   */
  providerCallId: z.string().optional(),
  connectorId: z.string(),
  toolName: z.string(),
  argsText: z.string(),
  args: z.record(z.string(), z.unknown()).optional(),
  toolFingerprint: z.string().optional(),
  startedAt: z.number().optional(),
  endedAt: z.number().optional(),
  /**
   * The task the server answered the call with, kept so a restarted worker follows that task rather
   * than sending the call again. A stored one that no longer fits reads as none.
   */
  task: ToolTaskSchema.optional().catch(undefined),
});

/**
 * The server's answer, stored whole as the SDK's `CallToolResult`; what reaches the model or the
 * screen is capped elsewhere. A stored result that does not fit is replaced by an error result
 * saying what was wrong (and the part marked an error), so the message stays readable.
 */
export const ToolResultPartSchema = z
  .object({
    ...partBase,
    type: z.literal('tool-result'),
    callId: z.string(),
    result: z.unknown(),
    isError: z.boolean(),
    sizeBytes: z.number().int().nonnegative(),
  })
  .transform((part) => {
    const { result, replaced } = readStoredResult(part.result);
    return replaced ? { ...part, result, isError: true, sizeBytes: new TextEncoder().encode(JSON.stringify(result)).length } : { ...part, result };
  });

/** What the policy decided to ask about, kept on the card so history shows why it was asked. */
export const ApprovalAskSchema = z.object({
  why: z.enum(['write', 'destructive', 'ask-always', 'definition-changed', 'app-page-changed', 'cross-connector-input']),
  risk: z.enum(['read-only', 'write', 'destructive']),
  claims: z.object({ readOnly: z.boolean(), destructive: z.boolean(), idempotent: z.boolean(), openWorld: z.boolean() }),
});

/** One piece of a write call's input found verbatim in an earlier tool result (see lib/policy/provenance). */
export const ProvenanceHitSchema = z.object({
  path: z.string(),
  excerpt: z.string(),
  sameConnector: z.boolean(),
  source: z.object({ connectorId: z.string(), connectorLabel: z.string(), toolName: z.string(), callId: z.string() }),
});

/** A write action waiting for (or having received) the user's decision. */
export const ApprovalPartSchema = z.object({
  ...partBase,
  type: z.literal('approval'),
  callId: z.string(),
  decision: z.enum(['pending', 'allow', 'deny']),
  remembered: z.boolean(),
  decidedAt: z.number().optional(),
  /** `remembered`: settled by a stored decision for this exact tool definition, without a card. */
  decidedBy: z.enum(['user', 'remembered']).optional(),
  /** Why the policy asked (lib/policy) and the server's claims resolved with the spec's defaults. */
  ask: ApprovalAskSchema.optional(),
  /** A remembered decision was void because the tool changed: what changed since it was made (a stored one that no longer fits reads as none). */
  drift: ToolChangeSchema.optional().catch(undefined),
  /** Text in the input that an earlier tool returned: the card names where it came from. */
  provenance: z.array(ProvenanceHitSchema).optional(),
  /** The tool's definition as the card shows it: approving is refused if the tool changed since. */
  shownTool: StoredToolSnapshotSchema,
  /** The input the user edited and approved (validated against the tool's schema); sent instead of `args`. */
  editedArgs: z.record(z.string(), z.unknown()).optional(),
});

/** An error the user should read in place, such as a rejected key or a step limit. */
export const ErrorPartSchema = z.object({
  ...partBase,
  type: z.literal('error'),
  code: z.string(),
  message: z.string(),
});

export const MessagePartSchema = z.discriminatedUnion('type', [
  TextPartSchema,
  ReasoningPartSchema,
  ToolCallPartSchema,
  ToolResultPartSchema,
  ApprovalPartSchema,
  ErrorPartSchema,
]);
export type MessagePart = z.infer<typeof MessagePartSchema>;
