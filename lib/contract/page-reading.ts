import { z } from 'zod';

import { MAX_PAGE_TEXT_BYTES } from './page-limits';

export { MAX_PAGE_TEXT_BYTES };

/**
 * What the page reader script hands back from the tab. It ran beside a hostile page, so the
 * background parses it with this schema like any other outside input.
 */
export const PageReadingSchema = z.object({
  url: z.string().max(8192),
  title: z.string().max(1024),
  /** The user's selection was read rather than the whole page. */
  selection: z.boolean(),
  /** Cut by the reader; the bound here holds against a reader that did not. */
  text: z.string().max(MAX_PAGE_TEXT_BYTES + 1024),
  /** Bytes of the text before it was cut to `MAX_PAGE_TEXT_BYTES`. */
  sizeBytes: z.number().int().nonnegative(),
});
export type PageReading = z.infer<typeof PageReadingSchema>;
