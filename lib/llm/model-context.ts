import { z } from 'zod';

/**
 * One piece of attached context as the model receives it, beside the user's own text: `text` is
 * already wrapped and marked with its source (see lib/chat/attachment-input), `image` is bytes an
 * API can take as image input (both Chat Completions and Responses do, in a user message).
 */
export const ModelContextPartSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string() }),
  z.object({ type: z.literal('image'), mimeType: z.string(), base64: z.string() }),
]);
export type ModelContextPart = z.infer<typeof ModelContextPartSchema>;

/** The image types both APIs accept as input; any other bytes are described to the model instead. */
export const MODEL_IMAGE_TYPES: ReadonlySet<string> = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

/** A data URL for an image part, the form both APIs take inline image input in. */
export function imageDataUrl(part: Extract<ModelContextPart, { type: 'image' }>): string {
  return `data:${part.mimeType};base64,${part.base64}`;
}
