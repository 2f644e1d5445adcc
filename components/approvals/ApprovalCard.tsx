import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { MessagePart } from '@/lib/db/message-parts';
import type { ConnectorRow } from '@/lib/db/rows';
import { ApprovalActions } from './ApprovalActions';
import { ApprovalClaims } from './ApprovalClaims';
import { askReason, decidedText } from './approval-text';
import type { Decision } from './decision';
import { DriftView } from './DriftView';
import { InputEditor } from './InputEditor';
import { ProvenanceView } from './ProvenanceView';
import { toolInfo } from './tool-info';
import { ToolDescription } from './ToolDescription';
import './approval-fit.css';

type ToolCallPart = Extract<MessagePart, { type: 'tool-call' }>;
type ApprovalPart = Extract<MessagePart, { type: 'approval' }>;

const focusedCalls = new Set<string>();

export interface ApprovalCardProps {
  call: ToolCallPart;
  approval: ApprovalPart;
  connector?: ConnectorRow;
  /** Resolves to the background's refusal in words, or null when the decision was taken. */
  onDecide(decision: Decision, remembered: boolean, editedArgs?: Record<string, unknown>): Promise<string | null>;
}

/**
 * A write action waiting for the user: why it asks, connector, tool, what the server claims, what
 * changed, where the input came from, and the full input (editable). It fits a 360×640 panel: the
 * head (tool and why) and the actions stay in view (sticky) while a long input scrolls in its own
 * bounded box. The card takes focus, never the Approve button, so a stray Enter approves nothing.
 */
export function ApprovalCard({ call, approval, connector, onDecide }: ApprovalCardProps) {
  const card = useRef<HTMLElement>(null);
  const [edited, setEdited] = useState<Record<string, unknown> | undefined>(undefined);
  const [refusal, setRefusal] = useState<string | null>(null);
  // A card settled without a decision (dismissed, or imported from a file) asks nothing any more.
  const pending = approval.decision === 'pending' && approval.status.type === 'requires-action';
  const info = toolInfo(connector, call.toolName);

  useEffect(() => {
    const active = document.activeElement;
    const typing = active instanceof HTMLTextAreaElement || active instanceof HTMLInputElement;
    // Once per call: a virtualised list remounts the card on scroll, which must not move focus again.
    if (!pending || typing || focusedCalls.has(call.callId)) return;
    focusedCalls.add(call.callId);
    card.current?.focus({ preventScroll: true });
  }, [pending, call.callId]);

  async function decide(decision: Decision, remembered: boolean) {
    setRefusal(null);
    setRefusal(await onDecide(decision, remembered, decision === 'allow' ? edited : undefined));
  }

  // Enter on the card itself or the checkbox must never act; buttons and the text box keep theirs.
  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    const target = event.target as HTMLElement;
    if (event.key === 'Enter' && target.tagName !== 'BUTTON' && target.tagName !== 'TEXTAREA' && target.tagName !== 'SUMMARY') event.preventDefault();
  }

  return (
    <article
      ref={card}
      className="approval-card"
      data-decision={approval.decision}
      data-risk={approval.ask?.risk}
      aria-label={`Approve ${call.toolName}?`}
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      <header className="approval-top" data-pending={pending}>
        <div className="approval-head">
          <strong className="approval-tool">Approve {call.toolName}?</strong>
          <span className="small muted">on {connector?.label ?? 'a removed connector'}</span>
        </div>
        {approval.ask && (
          <p className="approval-why small" data-why={approval.ask.why}>
            {askReason(approval.ask.why)}
          </p>
        )}
      </header>
      {info.description && <ToolDescription text={info.description} />}
      <ApprovalClaims claims={approval.ask?.claims} annotations={info.annotations} />
      {approval.drift && <DriftView drift={approval.drift} />}
      {approval.provenance && approval.provenance.length > 0 && <ProvenanceView hits={approval.provenance} />}
      <InputEditor
        args={call.args}
        argsText={call.argsText}
        edited={pending ? edited : approval.editedArgs}
        editable={pending && call.args !== undefined}
        onEdited={(args) => (setEdited(args), setRefusal(null))}
      />
      {refusal && (
        <div className="notice approval-refusal" data-tone="error" role="alert">
          {refusal}
        </div>
      )}
      {pending ? (
        <ApprovalActions onDecide={decide} />
      ) : (
        <p className="approval-outcome" data-decision={approval.decision}>
          {decidedText(approval)}
        </p>
      )}
    </article>
  );
}
