import type { PatchbayDatabase } from '@/lib/db/database';
import { exportConversation, serializeExport } from '@/lib/chat/conversation-export';
import { conversationToMarkdown } from '@/lib/chat/conversation-markdown';
import { shareableExport } from '@/lib/chat/shareable-export';
import { downloadText } from '../ui/download-text';

export type ExportFormat = 'json' | 'markdown';

/** A file name from the title: letters, digits and dashes only, never empty. */
export function exportFileName(title: string, format: ExportFormat): string {
  const base = title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'conversation';
  return `${base}.${format === 'json' ? 'patchbay.json' : 'md'}`;
}

/** Reads the conversation and downloads it as JSON (re-importable) or Markdown (to read), URL credentials redacted. */
export async function downloadConversation(db: PatchbayDatabase, conversationId: string, format: ExportFormat): Promise<void> {
  const data = await exportConversation(db, conversationId);
  const name = exportFileName(data.conversation.title, format);
  if (format === 'json') downloadText(name, serializeExport(shareableExport(data)), 'application/json');
  else downloadText(name, conversationToMarkdown(data), 'text/markdown');
}
