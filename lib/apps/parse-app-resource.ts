import type { ReadResourceResult } from '@modelcontextprotocol/sdk/types.js';
import {
  AppCspSchema,
  AppPermissionSchema,
  MAX_APP_RESOURCE_BYTES,
  MCP_APP_MIME_TYPE,
  type AppPermission,
  type AppResourceOutcome,
} from '../contract/app-resource';
import { formatBytes } from '../contract/format-bytes';

/**
 * Turns a server's `resources/read` answer into a page the sandbox may render, or the reason it
 * may not: exactly one content for the asked URI, the MCP Apps mime type, text (or base64 text)
 * of at most {@link MAX_APP_RESOURCE_BYTES}. `_meta.ui.csp` and `_meta.ui.permissions` are read
 * from the content, as the spec places them; malformed parts are dropped, never widened.
 */
export async function parseAppResource(uri: string, answer: ReadResourceResult): Promise<AppResourceOutcome> {
  const contents = answer.contents.filter((content) => content.uri === uri);
  if (contents.length !== 1) return { ok: false, reason: `The server answered ${contents.length} contents for ${uri}; an app needs exactly one.` };
  const content = contents[0]!;
  const mime = (content.mimeType ?? '').replace(/\s+/g, '').toLowerCase();
  if (mime !== MCP_APP_MIME_TYPE) return { ok: false, reason: `The resource's type is ${content.mimeType ?? 'not given'}, not ${MCP_APP_MIME_TYPE}.` };
  const html = 'text' in content && typeof content.text === 'string' ? content.text : decodeBlob(content);
  if (html === null) return { ok: false, reason: 'The resource holds neither text nor base64 text.' };
  const size = new TextEncoder().encode(html).length;
  if (size > MAX_APP_RESOURCE_BYTES) return { ok: false, reason: `The app is ${formatBytes(size)}, over the ${formatBytes(MAX_APP_RESOURCE_BYTES)} Patchbay renders.` };
  const ui = uiOf(content._meta);
  const csp = AppCspSchema.catch({}).parse(ui.csp ?? {});
  const prefersBorder = typeof ui.prefersBorder === 'boolean' ? ui.prefersBorder : undefined;
  return {
    ok: true,
    resource: { uri, html, csp, permissions: permissionsOf(ui.permissions), fingerprint: await sha256(html), ...(prefersBorder === undefined ? {} : { prefersBorder }) },
  };
}

function decodeBlob(content: object): string | null {
  const blob = (content as { blob?: unknown }).blob;
  if (typeof blob !== 'string') return null;
  try {
    const bytes = Uint8Array.from(atob(blob), (char) => char.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function uiOf(meta: unknown): Record<string, unknown> {
  const ui = (meta as { ui?: unknown } | undefined)?.ui;
  return typeof ui === 'object' && ui !== null && !Array.isArray(ui) ? (ui as Record<string, unknown>) : {};
}

/** The spec writes permissions as `{ camera: {} }`; some servers send `true`. Unknown names are dropped. */
function permissionsOf(value: unknown): AppPermission[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([name, granted]) => {
    const parsed = AppPermissionSchema.safeParse(name);
    return parsed.success && granted !== false && granted !== null && granted !== undefined ? [parsed.data] : [];
  });
}

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
