import { memo, useMemo, type ReactNode } from 'react';
import type { PartEndReason } from '@/lib/db/message-parts';
import type { ConnectorRow, MessageRow } from '@/lib/db/rows';
import { approvalsById, callsById, resultsById } from './message-state';
import { PartView, type PartContext } from './PartView';
import type { TurnUsage } from './turn-usage';
import { MessageMeta } from './MessageMeta';
import type { DecideCall } from '../approvals/decision';
import { SentAttachments } from './SentAttachments';

export interface MessageItemProps {
  message: MessageRow;
  connectors: ReadonlyMap<string, ConnectorRow>;
  /** Tokens of the turn this message ends, if it ends one. */
  usage?: TurnUsage;
  /** Set on the last message when its answer was cut: offers Retry and Continue. */
  cut?: PartEndReason | null;
  onDecide: DecideCall;
  onRetry(): void;
  onContinue(): void;
  /** The last turn's Edit or Regenerate (see `TurnActions`), on the message it belongs to. */
  turnActions?: ReactNode;
}

/** One message of the conversation: its parts in order, recovery actions, then its time and the turn's tokens. */
export const MessageItem = memo(function MessageItem({ message, connectors, usage, cut, onDecide, onRetry, onContinue, turnActions }: MessageItemProps) {
  const context = useMemo<PartContext>(
    () => ({ messageId: message.id, conversationId: message.conversationId, role: message.role, calls: callsById(message.parts), results: resultsById(message.parts), approvals: approvalsById(message.parts), connectors, onDecide }),
    [message, connectors, onDecide],
  );

  return (
    <div className="message-slot">
      <div className="message" data-role={message.role}>
        {message.parts.map((part) => (
          <PartView key={part.id} part={part} context={context} />
        ))}
        {message.attachments && <SentAttachments attachments={message.attachments} />}
        {message.role === 'assistant' && message.parts.length === 0 && <span className="typing" aria-label="Writing" />}
        {cut && (
          <div className="row cut-actions">
            <button className="btn btn-small" type="button" onClick={onRetry}>
              Retry
            </button>
            <button className="btn btn-small" type="button" onClick={onContinue}>
              Continue
            </button>
          </div>
        )}
        {turnActions}
        {showsMeta(message, usage) && <MessageMeta createdAt={message.createdAt} usage={usage} />}
      </div>
    </div>
  );
});

/** Your messages, answers with words and turn ends carry a time; a step that only called tools does not repeat it. */
function showsMeta(message: MessageRow, usage: TurnUsage | undefined): boolean {
  if (message.role === 'tool') return false;
  return message.role === 'user' || usage !== undefined || message.parts.some((part) => part.type === 'text');
}
