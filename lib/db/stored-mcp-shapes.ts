import { CallToolResultSchema, ImplementationSchema, ServerCapabilitiesSchema, ToolSchema, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';

/** How many schema problems a replaced result names. */
const MAX_ISSUES = 3;

/**
 * A connector's cached tool list, each tool parsed with the SDK's own `ToolSchema` on its own. A
 * stored tool that no longer fits (written by an older build, or damaged) is left out instead of
 * making the whole connector unreadable: the list is only a cache of the server's answer, the next
 * refresh brings the tool back, and a tool absent from the list is never offered or sent.
 */
export const StoredToolListSchema = z.array(z.unknown()).transform((items) =>
  items.flatMap((item) => {
    const parsed = ToolSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  }),
);

/**
 * A tool definition kept beside a decision or an approval card, only to show what changed since.
 * One that no longer fits reads as absent: the guards compare fingerprints, not this copy, so
 * losing it costs the diff on a card, never a check.
 */
export const StoredToolSnapshotSchema = ToolSchema.optional().catch(undefined);

/**
 * What the server said about itself at the last handshake, as the SDK's shapes. Both are refreshed
 * by every connect, so a stored one that no longer fits reads as unknown (`null`) rather than
 * making the connector unreadable.
 */
export const StoredServerInfoSchema = ImplementationSchema.nullable().catch(null);
export const StoredCapabilitiesSchema = ServerCapabilitiesSchema.nullable().catch(null);

/**
 * Checks a stored (or imported) tool result against the SDK's `CallToolResultSchema`. One that
 * does not fit is replaced by an error result that says in place what was wrong, so the message around it stays
 * readable and nothing is dropped without a word.
 */
export function readStoredResult(value: unknown): { result: CallToolResult; replaced: boolean } {
  const parsed = CallToolResultSchema.safeParse(value);
  if (parsed.success) return { result: parsed.data, replaced: false };
  const issues = parsed.error.issues.slice(0, MAX_ISSUES).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
  const text = `The result kept here is not a valid MCP tool result (${issues}); it was replaced by this note.`;
  return { result: { content: [{ type: 'text', text }], isError: true }, replaced: true };
}
