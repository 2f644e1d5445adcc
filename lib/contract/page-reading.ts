import { z } from 'zod';

/** The most text a page reading carries (UTF-8 bytes); more is cut, with the full size kept. */
export const MAX_PAGE_TEXT_BYTES = 256 * 1024;

/**
 * What the page reader script hands back from the tab. It ran beside a hostile page, so the
 * background parses it with this schema like any other outside input.
 */
export const PageReadingSchema = z.object({
  url: z.string().max(8192),
  title: z.string().max(1024),
  /** The user's selection was read rather than the whole page. */
  selection: z.boolean(),
  text: z.string(),
  /** Bytes of the text before it was cut to `MAX_PAGE_TEXT_BYTES`. */
  sizeBytes: z.number().int().nonnegative(),
});
export type PageReading = z.infer<typeof PageReadingSchema>;
