import type { ExportFormat } from '../contract/conversation-file';

/** A file name from the title: letters, digits and dashes only, never empty. */
export function exportFileName(title: string, format: ExportFormat): string {
  const base = title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'conversation';
  return `${base}.${format === 'json' ? 'patchbay.json' : 'md'}`;
}
