import { CallToolResultSchema } from '@modelcontextprotocol/sdk/types.js';
import { exportConversation, serializeExport } from '../chat/conversation-export';
import { conversationToMarkdown } from '../chat/conversation-markdown';
import { exportFileName } from '../chat/export-file-name';
import { shareableExport } from '../chat/shareable-export';
import { parseRow } from '../db/corrupt-row-error';
import type { PatchbayDatabase } from '../db/database';
import type { ProtocolLogRepository } from '../db/repositories/protocol-log-repository';
import { MessageRowSchema } from '../db/rows';
import { capToolResult, DISPLAY_RESULT_BUDGET_BYTES } from '../mcp/session/cap-result';
import { exportProtocolLog } from '../mcp/protocol-log/protocol-log-export';
import type { ProtocolLogWriter } from '../mcp/protocol-log/protocol-log-writer';
import type { CommandHandlers } from '../messaging/command-router';
import { auditToJson } from '../policy/audit-export';

/** The commands that build what the panel shows or saves from stored rows. */
export type FileCommandHandlers = Pick<CommandHandlers, 'chat.export' | 'chat.shownResult' | 'protocolLog.export' | 'audit.export'>;

/** What they read; passed in so tests run them on fake-indexeddb. */
export interface FileCommandDeps {
  db: PatchbayDatabase;
  protocolLog: ProtocolLogRepository;
  /**
   * The log's writer: an export first stores what it still holds (it waits for a pause in the
   * traffic, up to a second), so the file has every frame sent before the click.
   */
  logWriter?: Pick<ProtocolLogWriter, 'flush'>;
}

/** Thrown when the result a panel asks for is not (or no longer) stored; the panel shows its message. */
export class StoredResultNotFoundError extends Error {
  override readonly name = 'StoredResultNotFoundError';
  readonly code = 'result-not-found';
}

export function createFileCommandHandlers({ db, protocolLog, logWriter }: FileCommandDeps): FileCommandHandlers {
  return {
    'chat.export': async ({ conversationId, format }) => {
      const data = await exportConversation(db, conversationId);
      const fileName = exportFileName(data.conversation.title, format);
      return format === 'json'
        ? { fileName, text: serializeExport(shareableExport(data)), mimeType: 'application/json' }
        : { fileName, text: conversationToMarkdown(data), mimeType: 'text/markdown' };
    },
    'chat.shownResult': async ({ messageId, callId }) => {
      const row = await db.messages.get(messageId);
      const message = row === undefined ? undefined : parseRow('messages', MessageRowSchema, row);
      const part = message?.parts.find((p) => p.type === 'tool-result' && p.callId === callId);
      const result = part?.type === 'tool-result' ? CallToolResultSchema.safeParse(part.result) : undefined;
      if (!result?.success) throw new StoredResultNotFoundError(`No stored tool result for call ${callId}.`);
      return capToolResult(result.data, DISPLAY_RESULT_BUDGET_BYTES);
    },
    'protocolLog.export': async ({ connectorId, connectorLabel }) => {
      await logWriter?.flush();
      return {
        fileName: `${connectorLabel.replace(/\W+/g, '-')}-protocol-log.json`,
        text: exportProtocolLog(connectorLabel, await protocolLog.stats(connectorId), await protocolLog.all(connectorId)),
        mimeType: 'application/json',
      };
    },
    'audit.export': async ({ exportedAt }) => ({ text: auditToJson(await db.audit.orderBy('at').toArray(), exportedAt) }),
  };
}
