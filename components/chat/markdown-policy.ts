/**
 * What a model's Markdown may turn into. Model text can quote anything a tool returned, so links
 * and images are treated as untrusted: no image is shown, and only web and mail links stay links.
 */

const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

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

/** An image's address as text: long inline data is cut, so a base64 blob cannot flood the answer. */
export function shownImageUrl(url: unknown): string {
  const text = typeof url === 'string' ? url : '';
  return text.startsWith('data:') && text.length > 64 ? `${text.slice(0, 48)}… (${text.length.toLocaleString('en-US')} characters)` : text;
}

/**
 * For react-markdown's `urlTransform`: keeps the URL as written so the `a` and `img` components
 * can show it as text, except for schemes that are never even kept (script-like ones).
 */
export function keepUrlAsText(url: string): string {
  return /^\s*(?:javascript|vbscript|data:text)/i.test(url) ? '' : url;
}
