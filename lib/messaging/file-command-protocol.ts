import { z } from 'zod';
import { DownloadFileSchema, ExportFormatSchema } from '../contract/conversation-file';

/**
 * Commands that answer something the panel shows or saves but must not compute itself: files are
 * built (and redacted) next to the data, and the redirect URIs come from the identity API.
 */
export const fileCommandProtocol = {
  /** The conversation as a download, URL credentials redacted: JSON (re-importable) or Markdown. */
  'chat.export': { request: z.object({ conversationId: z.string(), format: ExportFormatSchema }), response: DownloadFileSchema },
  /** The connector's stored protocol log as JSON, with secrets redacted. */
  'protocolLog.export': { request: z.object({ connectorId: z.string(), connectorLabel: z.string() }), response: DownloadFileSchema },
  /** Every audit entry as the JSON document the user keeps; `exportedAt` is the time the file states. */
  'audit.export': { request: z.object({ exportedAt: z.number() }), response: z.object({ text: z.string() }) },
  /** The redirect URI(s) to register for OAuth sign-in, as this browser's identity API gives them. */
  'connectors.redirectUris': { request: z.object({}), response: z.object({ uris: z.array(z.string()) }) },
} satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;
