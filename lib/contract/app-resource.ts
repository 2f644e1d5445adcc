import { z } from 'zod';

/** The MCP Apps extension id a client declares in `capabilities.extensions` (spec 2026-01-26). */
export const MCP_APPS_EXTENSION = 'io.modelcontextprotocol/ui';
/** The one resource type Patchbay renders as an app. */
export const MCP_APP_MIME_TYPE = 'text/html;profile=mcp-app';
/** An app larger than this is not rendered (its JSON is shown, with the reason). */
export const MAX_APP_RESOURCE_BYTES = 5 * 1024 * 1024;

/**
 * One CSP source an app may declare: a scheme and host (a leading `*.` allowed), an optional port,
 * nothing else. Quotes, spaces, semicolons, paths and bare keywords could widen or break the
 * policy the sandbox builds from them, so anything else is dropped, never passed on.
 */
export const CSP_SOURCE_PATTERN = /^(https?|wss?):\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/i;

const DomainListSchema = z
  .array(z.unknown())
  .catch([])
  .transform((list) => list.filter((entry): entry is string => typeof entry === 'string' && CSP_SOURCE_PATTERN.test(entry)).slice(0, 32));

/**
 * `_meta.ui.csp` as the server declared it, cut down to well-formed sources. Nothing declared
 * means nothing allowed: an app reaches no network unless its resource says where.
 */
export const AppCspSchema = z.object({
  connectDomains: DomainListSchema.optional(),
  resourceDomains: DomainListSchema.optional(),
  frameDomains: DomainListSchema.optional(),
  baseUriDomains: DomainListSchema.optional(),
});
export type AppCsp = z.infer<typeof AppCspSchema>;

/** The device permissions an app may ask for; each is denied unless the user allows it on the card. */
export const AppPermissionSchema = z.enum(['camera', 'microphone', 'geolocation', 'clipboardWrite']);
export type AppPermission = z.infer<typeof AppPermissionSchema>;

/** An app's page, ready for the sandbox proxy: its HTML, declared CSP and asked-for permissions. */
export const AppResourceSchema = z.object({
  uri: z.string(),
  html: z.string(),
  csp: AppCspSchema,
  permissions: z.array(AppPermissionSchema),
  prefersBorder: z.boolean().optional(),
  /** Hash of the page: an approval made for one version of an app does not carry over to another. */
  fingerprint: z.string(),
});
export type AppResource = z.infer<typeof AppResourceSchema>;

/** What `apps.resource` answers: the page, or why it cannot be shown (the card falls back to JSON). */
export const AppResourceOutcomeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), resource: AppResourceSchema }),
  z.object({ ok: z.literal(false), reason: z.string() }),
]);
export type AppResourceOutcome = z.infer<typeof AppResourceOutcomeSchema>;

/**
 * Where an app is shown, which decides what its requests may reach: the connector of the call
 * that rendered it, and the conversation (for remembered decisions and the audit) when in the chat.
 */
export const AppHostSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('chat-call'), conversationId: z.string(), callId: z.string(), connectorId: z.string(), toolName: z.string() }),
  z.object({ type: z.literal('hand-run'), connectorId: z.string(), toolName: z.string() }),
]);
export type AppHost = z.infer<typeof AppHostSchema>;

/**
 * `_meta.ui.visibility`: who may call the tool. Absent means both the model and apps (the spec's
 * default); anything malformed is read as the model only, so a broken declaration never opens more.
 */
export function toolVisibleTo(meta: unknown, caller: 'model' | 'app'): boolean {
  const ui = uiMetaOf(meta);
  const visibility = ui?.visibility;
  if (visibility === undefined) return true;
  if (!Array.isArray(visibility)) return caller === 'model';
  return visibility.includes(caller);
}

/** The `ui://` resource a tool names as its app (`_meta.ui.resourceUri`, or the older flat key). */
export function appResourceUriOf(meta: unknown): string | undefined {
  const ui = uiMetaOf(meta);
  const uri = ui?.resourceUri ?? (isRecord(meta) ? meta['ui/resourceUri'] : undefined);
  return typeof uri === 'string' && uri.startsWith('ui://') ? uri : undefined;
}

function uiMetaOf(meta: unknown): Record<string, unknown> | undefined {
  if (!isRecord(meta)) return undefined;
  const ui = meta.ui;
  return isRecord(ui) ? ui : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
