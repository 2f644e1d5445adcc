import { z } from 'zod';

/**
 * Which OpenAI API a model endpoint speaks. Chat Completions works with every OpenAI-compatible
 * server; Responses is OpenAI's newer API. Kept apart from the client so the panel's bundle can
 * name it without pulling in the openai SDK.
 */
export const ModelApiSchema = z.enum(['chat-completions', 'responses']);
export type ModelApi = z.infer<typeof ModelApiSchema>;
