/**
 * What a model's Markdown may turn into. Model text can quote anything a tool returned, so links
 * and images are treated as untrusted: nothing remote is loaded, and only web and mail links stay links.
 */

const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:']);
const INLINE_IMAGE = /^data:image\/(?:png|jpe?g|gif|webp|avif|bmp);base64,[a-z0-9+/=\s]+$/i;

/** The URL as a link target, or `null` when it must be shown as plain text. */
export function linkTarget(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return LINK_SCHEMES.has(parsed.protocol) ? parsed.href : null;
  } catch {
    return null; // Relative URLs would resolve inside the extension: not links.
  }
}

/** The URL as an `<img>` source, or `null`: only inline raster `data:` images, never a request. */
export function inlineImageSource(url: string | null | undefined): string | null {
  if (!url) return null;
  return INLINE_IMAGE.test(url) ? url : null;
}

/**
 * For react-markdown's `urlTransform`: keeps the URL as written so the `a` and `img` components
 * can show it as text, except for schemes that are never even kept (script-like ones).
 */
export function keepUrlAsText(url: string): string {
  return /^\s*(?:javascript|vbscript|data:text)/i.test(url) && !inlineImageSource(url) ? '' : url;
}
