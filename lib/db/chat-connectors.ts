import { z } from 'zod';
import { connectorFields } from './connector-fields';
import type { PatchbayDatabase } from './database';
import { partitionRows } from './quarantined-row';

/**
 * What the chat's first screen reads of a stored tool: its name, what it costs the model (the
 * tool budget) and whether it says it only reads (first prompts). Checked where the chat relies on
 * it, like the SDK's `ToolSchema` there; the whole `Tool` is parsed by the views that show it.
 */
const ChatToolSchema = z.object({
  name: z.string(),
  description: z.string().optional(),
  inputSchema: z.looseObject({ type: z.literal('object') }),
  annotations: z.looseObject({ readOnlyHint: z.boolean().optional() }).optional(),
});
export type ChatTool = z.infer<typeof ChatToolSchema>;

/** Each tool checked on its own: one that no longer fits is left out, as the whole row's schema does. */
const ChatToolListSchema = z.array(z.unknown()).transform((items) =>
  items.flatMap((item) => {
    const parsed = ChatToolSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  }),
);

/**
 * A connector as the chat's first screen uses it (picker, tool budget, first prompts). It checks
 * every field the whole row does except the SDK-shaped ones, so a row the Connectors screen
 * quarantines is left out here too, and the SDK's schemas are not built before the first paint.
 */
export const ChatConnectorSchema = z.object({ ...connectorFields, tools: ChatToolListSchema });
export type ChatConnector = z.infer<typeof ChatConnectorSchema>;

/** The usable connectors, by label, for a live query; a row that fails its schema is left out. */
export async function listChatConnectors(db: PatchbayDatabase): Promise<ChatConnector[]> {
  const stored: unknown[] = await db.connectors.toArray();
  const { rows } = partitionRows('connectors', ChatConnectorSchema, stored);
  return rows.sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}
