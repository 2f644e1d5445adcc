import { z } from 'zod';
import { DownloadFileSchema } from '../contract/conversation-file';

/**
 * The trace of a conversation as a download (`patchbay.trace`, version 1): built and redacted in
 * the background, next to the data and the secrets it must leave out. Opening a trace needs no
 * command: the panel parses the file itself and never stores it.
 */
export const traceCommandProtocol = {
  'trace.export': { request: z.object({ conversationId: z.string() }), response: DownloadFileSchema },
} satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;
