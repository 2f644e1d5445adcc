import type { ExportFormat } from '@/lib/contract/conversation-file';
import { sendCommand } from '@/lib/messaging/command-client';
import { downloadText } from '../ui/download-text';

/** Asks the background for the conversation as JSON (re-importable) or Markdown (to read), URL credentials redacted, and downloads it. */
export async function downloadConversation(conversationId: string, format: ExportFormat): Promise<void> {
  const file = await sendCommand('chat.export', { conversationId, format });
  downloadText(file.fileName, file.text, file.mimeType);
}

/** Asks the background for the conversation's trace (calls, frames, tool definitions; secrets redacted) and downloads it. */
export async function downloadTrace(conversationId: string): Promise<void> {
  const file = await sendCommand('trace.export', { conversationId });
  downloadText(file.fileName, file.text, file.mimeType);
}
