import type { ServerRequestRow } from '@/lib/contract/server-request';
import { linkDomain } from './request-text';
import { RequestActions, RequestCardFrame, RequestRefusal } from './RequestCardFrame';
import { useAnswerRequest } from './useAnswerRequest';

/**
 * A server asks the person to visit a link: the whole URL and its domain are shown before
 * anything happens, with a warning when the domain is not the server's own. Only **Open** opens
 * it (in a new tab, by the background, from the stored request) and tells the server yes.
 */
export function ElicitationUrlCard({ row }: { row: ServerRequestRow }) {
  const url = typeof row.params.url === 'string' ? row.params.url : '';
  const { host, foreign } = linkDomain(url, row.serverHost);
  const { busy, refusal, answer } = useAnswerRequest(row.id);
  const pending = row.status === 'pending';
  return (
    <RequestCardFrame row={row} name={`Request from ${row.connectorLabel}`}>
      <div className="request-link stack">
        <span className="small muted">
          Domain: <strong className="request-domain">{host}</strong>
        </span>
        <code className="request-url">{url}</code>
        {foreign && (
          <p className="request-warning small" role="note">
            This link goes to {host}, not to {row.serverHost ?? 'the server'} where {row.connectorLabel} runs. Open it only if you trust that site.
          </p>
        )}
      </div>
      {pending && (
        <>
          <RequestRefusal text={refusal} />
          <RequestActions primary="Open" busy={busy} onPrimary={() => void answer({ action: 'accept' })} onDecline={() => void answer({ action: 'decline' })} onCancel={() => void answer({ action: 'cancel' })} />
        </>
      )}
      {row.outcome === 'accepted' && (
        <p className="small" data-tone={row.completedAt ? 'ok' : undefined}>
          {row.completedAt ? 'The server says this is complete.' : 'Waiting for the server to say it is complete…'}
        </p>
      )}
    </RequestCardFrame>
  );
}
