import { useState } from 'react';
import type { ServerRequestRow } from '@/lib/contract/server-request';
import { SamplingDraftSchema } from '@/lib/contract/sampling-draft';
import { samplingParamsOf } from '@/lib/contract/sampling-view';
import { JsonBlock } from '../ui/JsonBlock';
import { contextAskText, samplingStatusText, statusTone } from './sampling-card-text';
import { SamplingRequestView } from './SamplingRequestView';
import { SamplingReview } from './SamplingReview';
import type { SamplingAnswer } from '@/lib/contract/sampling-answer';
import { useAnswerRequest } from './useAnswerRequest';
import './sampling-card.css';

/**
 * A server's `sampling/createMessage`, decided by the person: what it asks (plain text), then
 * **Approve** / **Deny**; once the model answered, the answer to review with **Send to server** /
 * **Discard**; once ended, how it ended and what was sent. Never an Approve after the answer.
 */
export function SamplingCardView({ row, modelName }: { row: ServerRequestRow; modelName: string | null }) {
  const params = samplingParamsOf(row.params);
  const { busy, refusal, answer: send } = useAnswerRequest(row.id);
  const answer = (value: SamplingAnswer) => send(value);
  const [allowContext, setAllowContext] = useState(false);
  const draft = row.status === 'review' ? SamplingDraftSchema.safeParse(row.draft) : null;
  const scope = params?.includeContext === 'thisServer' || params?.includeContext === 'allServers' ? params.includeContext : null;

  return (
    <article className="sampling-card" data-status={row.status} data-outcome={row.outcome} aria-label={`Sampling request from ${row.connectorLabel}`}>
      <header className="approval-head">
        <strong>Sampling request from {row.connectorLabel}</strong>
        <span className="badge" data-tone={statusTone(row)} role="status">
          {samplingStatusText(row)}
        </span>
      </header>
      <p className="small muted">
        {row.toolName ? `Asked during ${row.toolName}. ` : ''}The server wants a completion from your model.
        {row.unfamiliar ? ' You have not used this connector in this conversation.' : ''}
      </p>
      {params ? <SamplingRequestView params={params} modelName={modelName} /> : <p className="notice" data-tone="error">The stored request cannot be read.</p>}
      {row.reason && row.status !== 'done' && (
        <p className="notice" data-tone="warn">
          {row.reason}
        </p>
      )}
      {row.status === 'pending' && (
        <>
          {scope && (
            <label className="check small sampling-context">
              <input type="checkbox" checked={allowContext} onChange={(event) => setAllowContext(event.target.checked)} />
              <span>
                {contextAskText(scope, row.connectorLabel)} Allow it
                <small>Unless you tick this, Approve refuses the request with an error to the server.</small>
              </span>
            </label>
          )}
          <div className="row sampling-actions">
            <button className="btn" type="button" disabled={busy} onClick={() => void answer({ action: 'deny' })}>
              Deny
            </button>
            <button className="btn btn-primary" type="button" disabled={busy || !params} onClick={() => void answer({ action: 'approve', allowContext })}>
              Approve
            </button>
          </div>
        </>
      )}
      {draft?.success && <SamplingReview draft={draft.data} busy={busy} onSend={(edit) => void answer({ action: 'send', edit })} onDiscard={() => void answer({ action: 'discard' })} />}
      {draft && !draft.success && <p className="notice" data-tone="error">The model’s answer cannot be read; Discard it.</p>}
      {row.status === 'done' && (
        <div className="sampling-outcome" data-outcome={row.outcome}>
          {row.reason && <p className="small">{row.reason}</p>}
          {row.response && <JsonBlock label="Sent to the server" value={row.response} />}
        </div>
      )}
      {refusal && (
        <div className="notice approval-refusal" data-tone="error" role="alert">
          {refusal}
        </div>
      )}
    </article>
  );
}
