import { exportFileName } from '../chat/export-file-name';
import { ConversationNotFoundError } from '../chat/run-errors';
import type { PatchbayDatabase } from '../db/database';
import { ConversationsRepository } from '../db/repositories/conversations-repository';
import type { ConnectorsRepository } from '../db/repositories/connectors-repository';
import { MessagesRepository } from '../db/repositories/messages-repository';
import type { ProtocolLogRepository } from '../db/repositories/protocol-log-repository';
import type { ProtocolLogWriter } from '../mcp/protocol-log/protocol-log-writer';
import type { CommandHandlers } from '../messaging/command-router';
import { buildTrace } from '../trace/build-trace';
import { knownSecrets, type SecretSources } from '../trace/known-secrets';
import { redactTrace } from '../trace/redact-trace';

export type TraceCommandHandlers = Pick<CommandHandlers, 'trace.export'>;

export interface TraceDeps {
  db: PatchbayDatabase;
  connectors: Pick<ConnectorsRepository, 'list'>;
  protocolLog: Pick<ProtocolLogRepository, 'between'>;
  secrets: SecretSources;
  /** The log's writer: stored first, so the trace has the frames it still holds (it waits for a pause in the traffic). */
  logWriter?: Pick<ProtocolLogWriter, 'flush'>;
}

/** Builds a conversation's trace from stored rows and redacts it before it leaves the background. */
export function createTraceCommandHandlers(deps: TraceDeps): TraceCommandHandlers {
  return {
    'trace.export': async ({ conversationId }) => {
      await deps.logWriter?.flush();
      const { conversation, messages } = await deps.db.transaction('r', deps.db.conversations, deps.db.messages, async () => ({
        conversation: await new ConversationsRepository(deps.db).get(conversationId),
        messages: await new MessagesRepository(deps.db).history(conversationId),
      }));
      if (!conversation) throw new ConversationNotFoundError(conversationId);
      const trace = await buildTrace({ conversation, messages, connectors: await deps.connectors.list(), framesOf: (id, from, to, limit) => deps.protocolLog.between(id, from, to, limit) });
      const redacted = redactTrace(trace, await knownSecrets(deps.secrets, trace.connectors.map((c) => c.id)));
      return { fileName: exportFileName(conversation.title, 'json').replace(/\.patchbay\.json$/, '.patchbay-trace.json'), text: JSON.stringify(redacted, null, 2), mimeType: 'application/json' };
    },
  };
}
