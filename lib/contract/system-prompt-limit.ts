/**
 * Most characters a conversation's system prompt may hold: room for a page of instructions, not a
 * book. Without zod (re-exported by system-prompt.ts), for the first screen's row check.
 */
export const MAX_SYSTEM_PROMPT_CHARS = 20_000;
