import { BUILTIN_CONNECTOR_ID } from '@/lib/contract/tool-budget';
import type { MessagePart } from '@/lib/db/message-parts';
import type { ConnectorRow } from '@/lib/db/rows';
import { ApprovalCard } from '../approvals/ApprovalCard';
import { JsonView } from '../ui/json/JsonView';
import { MarkdownText } from './MarkdownText';
import type { ApprovalPart, ToolCallPart, ToolResultPart } from './message-state';
import { PartReason } from './PartReason';
import { ToolCallCard } from './ToolCallCard';
import type { DecideCall } from '../approvals/decision';
import { CallRequests } from '../requests/CallRequests';

export interface PartContext {
  /** The message the parts belong to: a result's display copy is asked for by message and call. */
  messageId: string;
  /** The conversation the message belongs to: a call's Cancel names it. */
  conversationId: string;
  role: 'user' | 'assistant' | 'tool';
  calls: ReadonlyMap<string, ToolCallPart>;
  results: ReadonlyMap<string, ToolResultPart>;
  approvals: ReadonlyMap<string, ApprovalPart>;
  connectors: ReadonlyMap<string, ConnectorRow>;
  onDecide: DecideCall;
}

/** Whether the call shows an approval card (then its server requests follow that card, which came first). */
function hasApprovalCard(context: PartContext, callId: string): boolean {
  const approval = context.approvals.get(callId);
  return approval !== undefined && approval.decidedBy !== 'remembered';
}

/** One part of a message; results and approvals render with the call they belong to. */
export function PartView({ part, context }: { part: MessagePart; context: PartContext }) {
  switch (part.type) {
    case 'text':
      if (context.role === 'user') return <p className="user-text">{part.text}</p>;
      return (
        <>
          {part.text && <MarkdownText text={part.text} />}
          {part.status.type === 'running' && <span className="typing" aria-label="Writing" />}
          <PartReason status={part.status} />
        </>
      );
    case 'reasoning':
      return (
        <details className="reasoning">
          <summary className="small muted">{part.status.type === 'running' ? 'Thinking…' : 'Reasoning'}</summary>
          <p className="reasoning-text">{part.text}</p>
        </details>
      );
    case 'tool-call':
      return (
        <>
          <ToolCallCard
            conversationId={context.conversationId}
            messageId={context.messageId}
            call={part}
            result={context.results.get(part.callId)}
            approval={context.approvals.get(part.callId)}
            connectorLabel={part.connectorId === BUILTIN_CONNECTOR_ID ? 'Patchbay, built in' : (context.connectors.get(part.connectorId)?.label ?? (part.connectorId || 'unknown connector'))}
          />
          {!hasApprovalCard(context, part.callId) && <CallRequests callId={part.callId} toolName={part.toolName} />}
        </>
      );
    case 'tool-result':
      return context.calls.has(part.callId) ? null : <JsonView label="Tool output" value={part.result} />;
    case 'approval': {
      const call = context.calls.get(part.callId);
      // A remembered decision asked nobody: its call's card says so, no approval card is shown.
      if (!call || part.decidedBy === 'remembered') return null;
      return (
        <>
          <ApprovalCard
            call={call}
            approval={part}
            connector={context.connectors.get(call.connectorId)}
            onDecide={(decision, remembered, editedArgs) => context.onDecide(part.callId, decision, remembered, editedArgs)}
          />
          <CallRequests callId={call.callId} toolName={call.toolName} />
        </>
      );
    }
    case 'error':
      if (part.code === 'tool-retried') return <p className="small muted">{part.message}</p>;
      return (
        <div className="notice part-error" data-tone="error" role="alert">
          {part.message}
        </div>
      );
  }
}
