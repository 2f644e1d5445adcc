import { z } from 'zod';

export { MAX_IMPORT_BYTES } from './import-limits';

/** How a conversation is downloaded: JSON that `chat.import` reads back, or Markdown to read. */
export const ExportFormatSchema = z.enum(['json', 'markdown']);
export type ExportFormat = z.infer<typeof ExportFormatSchema>;

/**
 * A file the background made for the panel to save as a download: the panel only hands the text to
 * the browser, so what goes into an export (and what is redacted) is decided in one place.
 */
export const DownloadFileSchema = z.object({ fileName: z.string(), text: z.string(), mimeType: z.string() });
export type DownloadFile = z.infer<typeof DownloadFileSchema>;
