import { z } from 'zod';

/** Most characters a conversation's system prompt may hold: room for a page of instructions, not a book. */
export const MAX_SYSTEM_PROMPT_CHARS = 20_000;

/** A conversation's system prompt as the panel sends it; empty clears it. */
export const SystemPromptSchema = z.string().max(MAX_SYSTEM_PROMPT_CHARS, `A system prompt holds at most ${MAX_SYSTEM_PROMPT_CHARS.toLocaleString('en')} characters.`);
