/** Raster image types Patchbay shows as icons. SVG is not among them: it is a document that can carry script and references. */
export type IconImageType = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp' | 'image/x-icon';

export const ICON_IMAGE_TYPES: readonly IconImageType[] = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/x-icon'];

/**
 * The image type the bytes really are, from their first bytes (the signatures of the WHATWG MIME
 * sniffing standard), or null for anything else — SVG, HTML, text — whatever the server called it.
 */
export function sniffImageType(bytes: Uint8Array): IconImageType | null {
  const starts = (...signature: number[]) => signature.every((byte, i) => bytes[i] === byte);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x47, 0x49, 0x46, 0x38) && (bytes[4] === 0x37 || bytes[4] === 0x39) && bytes[5] === 0x61) return 'image/gif';
  if (starts(0x52, 0x49, 0x46, 0x46) && bytes[8] === 0x57 && bytes[9] === 0x45 && bytes[10] === 0x42 && bytes[11] === 0x50) return 'image/webp';
  if (starts(0x00, 0x00, 0x01, 0x00) || starts(0x00, 0x00, 0x02, 0x00)) return 'image/x-icon';
  return null;
}

/** Whether a declared `Content-Type` (or data URL type) names one of the allowed types; `image/vnd.microsoft.icon` counts as an icon. */
export function declaredIconType(contentType: string | null | undefined): IconImageType | null {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'image/vnd.microsoft.icon') return 'image/x-icon';
  if (type === 'image/jpg') return 'image/jpeg';
  return (ICON_IMAGE_TYPES as readonly string[]).includes(type) ? (type as IconImageType) : null;
}
