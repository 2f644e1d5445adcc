/**
 * The conversation open in the chat, kept for this page load: switching to Connectors and back
 * returns to it. A reload starts with none selected (or the running one).
 */
export const selectionMemory: { conversationId: string | null } = { conversationId: null };
