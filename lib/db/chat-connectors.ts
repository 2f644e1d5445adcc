import { CheckFailure, array, boolean, optional, string, unknown, type Check } from '../contract/plain-checks';
import { asSchema, literal, looseObject, object, type ObjectOf } from '../contract/plain-object-checks';
import { connectorFieldChecks } from './connector-field-checks';
import type { PatchbayDatabase } from './database';
import { partitionRows } from './quarantined-row';

/**
 * What the chat's first screen reads of a stored tool: its name, what it costs the model (the
 * tool budget) and whether it says it only reads (first prompts). Checked where the chat relies on
 * it, like the SDK's `ToolSchema` there; the whole `Tool` is parsed by the views that show it.
 */
const checkChatTool = object({
  name: string(),
  description: optional(string()),
  inputSchema: looseObject({ type: literal('object') }),
  annotations: optional(looseObject({ readOnlyHint: optional(boolean) })),
});
export type ChatTool = ReturnType<typeof checkChatTool>;

/** Each tool checked on its own: one that no longer fits is left out, as the whole row's schema does. */
const checkChatTools: Check<ChatTool[]> = (value, path = []) =>
  array(unknown)(value, path).flatMap((item) => {
    try {
      return [checkChatTool(item)];
    } catch (error) {
      if (error instanceof CheckFailure) return [];
      throw error;
    }
  });

const chatConnectorShape = { ...connectorFieldChecks, tools: checkChatTools };

/**
 * A connector as the chat's first screen uses it (picker, tool budget, first prompts). It checks
 * every field the whole row does except the SDK-shaped ones, so a row the Connectors screen
 * quarantines is left out here too, and neither the SDK's schemas nor zod are loaded before the
 * first paint (chat-connectors.test.ts holds it to the zod schema's verdicts).
 */
export const ChatConnectorSchema = asSchema(object(chatConnectorShape));
export type ChatConnector = ObjectOf<typeof chatConnectorShape>;

/** The usable connectors, by label, for a live query; a row that fails its schema is left out. */
export async function listChatConnectors(db: PatchbayDatabase): Promise<ChatConnector[]> {
  const stored: unknown[] = await db.connectors.toArray();
  const { rows } = partitionRows('connectors', ChatConnectorSchema, stored);
  return rows.sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}
