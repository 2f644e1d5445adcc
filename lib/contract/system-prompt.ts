import { z } from 'zod';
import { MAX_SYSTEM_PROMPT_CHARS } from './system-prompt-limit';

export { MAX_SYSTEM_PROMPT_CHARS } from './system-prompt-limit';

/** A conversation's system prompt as the panel sends it; empty clears it. */
export const SystemPromptSchema = z.string().max(MAX_SYSTEM_PROMPT_CHARS, `A system prompt holds at most ${MAX_SYSTEM_PROMPT_CHARS.toLocaleString('en')} characters.`);
