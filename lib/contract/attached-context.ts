import { z } from 'zod';

/**
 * Where attached context came from. The model is told the source with the content, so a page's
 * text or a resource's bytes reach it marked as data from there, never as the user's own words.
 */
export const AttachedContextSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('resource'), connectorId: z.string(), uri: z.string() }),
  z.object({ kind: z.literal('prompt'), connectorId: z.string(), promptName: z.string() }),
  z.object({ kind: z.literal('page'), url: z.string(), title: z.string(), selection: z.boolean() }),
]);
export type AttachedContextSource = z.infer<typeof AttachedContextSourceSchema>;

/**
 * One piece of context the user attached to a message (a resource, a prompt's embedded content,
 * the page). Stored with the user's message, so export, Markdown and the model's next request all
 * read the same thing. `text` for text content, `blob` (base64) for bytes such as images.
 */
export const AttachedContextSchema = z.object({
  id: z.string(),
  /** What the chip shows, and what its **Remove <name>** button names. */
  name: z.string().min(1),
  source: AttachedContextSourceSchema,
  mimeType: z.string(),
  text: z.string().optional(),
  blob: z.string().optional(),
  /** The content's size before any cap, shown on the chip. */
  sizeBytes: z.number().int().nonnegative(),
  attachedAt: z.number(),
});
export type AttachedContext = z.infer<typeof AttachedContextSchema>;
