import { z } from 'zod';

/** Image types shown inline (from their bytes, as a `data:` URL); anything else is offered as a download. */
export const INLINE_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;

/**
 * One item of a resource's contents as the panel shows it, made by the background from the
 * server's (untrusted) answer: text capped for display with its full size stated, raster images
 * inline from their bytes, any other bytes as a download (`base64` null when too big to offer).
 */
export const ResourceContentViewSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), uri: z.string(), mimeType: z.string().nullable(), text: z.string(), totalBytes: z.number().int().nonnegative(), truncated: z.boolean() }),
  z.object({ kind: z.literal('image'), uri: z.string(), mimeType: z.enum(INLINE_IMAGE_TYPES), base64: z.string(), totalBytes: z.number().int().nonnegative() }),
  z.object({ kind: z.literal('blob'), uri: z.string(), mimeType: z.string().nullable(), base64: z.string().nullable(), totalBytes: z.number().int().nonnegative() }),
]);
export type ResourceContentView = z.infer<typeof ResourceContentViewSchema>;

/** Why the server sent a list or resource notification; the panel re-reads what it names. */
export const ContextNoticeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('prompts-changed') }),
  z.object({ kind: z.literal('resources-changed') }),
  z.object({ kind: z.literal('resource-updated'), uri: z.string().max(8192) }),
]);
export type ContextNotice = z.infer<typeof ContextNoticeSchema>;
