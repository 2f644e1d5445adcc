import { classifyHost } from '../../contract/host-address';
import { isLoopbackHost } from '../../contract/loopback';
import { declaredIconType, sniffImageType, type IconImageType } from './sniff-image-type';

/** The most bytes one icon may have: icons are small; anything bigger is refused, not cut. */
export const MAX_ICON_BYTES = 100 * 1024;

/** A fetched icon (its bytes as base64, of the type they really are), or why it was refused. */
export type IconFetchResult = { ok: true; mimeType: IconImageType; base64: string } | { ok: false; reason: string };

export interface IconFetchOptions {
  fetch: typeof fetch;
  /** The MCP server the icon was declared by: a remote server's icon may not point at this machine. */
  serverUrl: string;
  signal?: AbortSignal;
}

/**
 * Fetches an icon a server declared, for the panel to show from bytes (the panel loads nothing
 * remote). The server is untrusted, so: only `https:`, `http:` and `data:` URLs; no link-local,
 * metadata or unspecified addresses, and loopback only for a server on loopback (no SSRF through
 * an icon); no cookies, no redirects; at most {@link MAX_ICON_BYTES}; and the bytes must be a
 * raster image type both as declared and as sniffed. SVG is refused: it is a document, not pixels.
 */
export async function fetchIcon(src: string, options: IconFetchOptions): Promise<IconFetchResult> {
  let url: URL;
  try {
    url = new URL(src);
  } catch {
    return refuse('the icon address is not a URL');
  }
  if (url.protocol === 'data:') return fromDataUrl(src);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return refuse(`${url.protocol} icons are not loaded (only https:, http: and data:)`);
  const host = classifyHost(url.hostname);
  if (host.kind === 'refused') return refuse(`the icon is on ${host.reason}`);
  if (host.kind === 'loopback' && !serverOnLoopback(options.serverUrl)) return refuse('a remote server’s icon may not point at this machine');
  let response: Response;
  try {
    response = await options.fetch(url.href, { credentials: 'omit', redirect: 'error', referrerPolicy: 'no-referrer', signal: options.signal ?? AbortSignal.timeout(10_000) });
  } catch (error) {
    return refuse(`the icon could not be fetched (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!response.ok) return refuse(`the icon answered HTTP ${response.status}`);
  const declared = declaredIconType(response.headers.get('content-type'));
  if (!declared) return refuse(`the icon's type ${response.headers.get('content-type') ?? '(none)'} is not an allowed image type`);
  if (Number(response.headers.get('content-length') ?? 0) > MAX_ICON_BYTES) return refuse(`the icon is larger than ${MAX_ICON_BYTES} bytes`);
  const bytes = await readCapped(response);
  if (!bytes) return refuse(`the icon is larger than ${MAX_ICON_BYTES} bytes`);
  return checked(bytes);
}

function fromDataUrl(src: string): IconFetchResult {
  const match = /^data:([^;,]*)((?:;[^;,]*)*),(.*)$/s.exec(src);
  if (!match) return refuse('the data: URL is malformed');
  const [, type, params = '', payload = ''] = match;
  if (!declaredIconType(type)) return refuse(`the icon's type ${type || '(none)'} is not an allowed image type`);
  if (!params.split(';').includes('base64')) return refuse('a data: icon must be base64');
  if (payload.length > Math.ceil((MAX_ICON_BYTES * 4) / 3) + 4) return refuse(`the icon is larger than ${MAX_ICON_BYTES} bytes`);
  let bytes: Uint8Array;
  try {
    bytes = Uint8Array.from(atob(payload), (char) => char.charCodeAt(0));
  } catch {
    return refuse('the data: URL is not valid base64');
  }
  return checked(bytes);
}

function checked(bytes: Uint8Array): IconFetchResult {
  if (bytes.length > MAX_ICON_BYTES) return refuse(`the icon is larger than ${MAX_ICON_BYTES} bytes`);
  const sniffed = sniffImageType(bytes);
  if (!sniffed) return refuse('the icon’s bytes are not a PNG, JPEG, GIF, WebP or ICO image');
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return { ok: true, mimeType: sniffed, base64: btoa(binary) };
}

/** The body, or null as soon as it passes the cap (the rest is never read). */
async function readCapped(response: Response): Promise<Uint8Array | null> {
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > MAX_ICON_BYTES) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) bytes.set(chunk, (at += chunk.length) - chunk.length);
  return bytes;
}

function serverOnLoopback(serverUrl: string): boolean {
  try {
    return isLoopbackHost(new URL(serverUrl).hostname);
  } catch {
    return false;
  }
}

function refuse(reason: string): IconFetchResult {
  return { ok: false, reason };
}
