import type { ConversationStore } from './conversation-store';

/** The tool a call means: which connector, and the server's name for it. */
export interface ToolTarget {
  connectorId: string;
  toolName: string;
  /** The connector's name where the caller knows it (a removed connector has no row left to ask). */
  connectorLabel?: string;
}

/**
 * Why the call's tool may not be used now, read from the stored rows at this moment (not from the
 * tool set the step began with): its connector was deselected in the chat or removed, the server
 * no longer lists the tool, or the user switched it off. `null` when it may be used. The text goes
 * to the model as the call's tool error, so it says what happened and that retrying will not help.
 */
export async function toolUnavailable(store: ConversationStore, conversationId: string, target: ToolTarget): Promise<string | null> {
  const conversation = await store.conversation(conversationId);
  const [row] = await store.connectorsOf({ connectorIds: [target.connectorId] });
  const tool = `"${target.toolName}"`;
  const connector = `"${row?.label ?? target.connectorLabel ?? target.connectorId}"`;
  if (!conversation.connectorIds.includes(target.connectorId)) {
    return `The connector ${connector} is no longer selected for this conversation, so its tool ${tool} cannot be used. Do not call it again.`;
  }
  if (!row) return `The connector ${connector} was removed, so its tool ${tool} cannot be used. Do not call it again.`;
  if (!row.tools.some((listed) => listed.name === target.toolName)) return `The server of ${connector} no longer offers the tool ${tool}.`;
  if (!row.enabledTools.includes(target.toolName)) return `The user switched off the tool ${tool} of ${connector}, so it cannot be used now. Do not call it again.`;
  return null;
}
