import { useLiveQuery } from 'dexie-react-hooks';
import { findPartnerFrame, readFrames } from '@/lib/db/repositories/protocol-log-listing';
import type { ProtocolFrameRow } from '@/lib/db/rows';
import { formatBytes } from '@/lib/contract/format-bytes';
import { frameKindOf, rpcRoleOf } from '@/lib/contract/protocol-frame-facts';
import { usePanelServices } from '../../app/panel-services';
import { JsonView } from '../../ui/json/JsonView';
import { frameTimeText } from './frame-time';

function FrameBody({ title, frame }: { title: string; frame: ProtocolFrameRow }) {
  return (
    <div className="frame-part" data-part={title.toLowerCase()}>
      <h4 className="section-title">
        {title} <span className="muted small">{frameTimeText(frame.at)} · {frame.direction === 'out' ? 'sent' : 'received'} · {formatBytes(frame.sizeBytes)}</span>
      </h4>
      {frame.capped && (
        <p className="muted small">
          Capped: this frame was {formatBytes(frame.sizeBytes)}; the log keeps a shortened copy. The whole result stays with its call.
        </p>
      )}
      <div className="frame-json">
        <JsonView label={`${title} JSON`} value={frame.frame} caption={false} />
      </div>
    </div>
  );
}

/** An HTTP exchange is one frame holding both halves: its request, then its response (or the network error). */
function HttpExchange({ frame }: { frame: ProtocolFrameRow }) {
  const body = (frame.frame ?? {}) as { request?: unknown; response?: unknown; error?: unknown };
  return (
    <>
      <h4 className="section-title">
        Request <span className="muted small">{frameTimeText(frame.at)}</span>
      </h4>
      <JsonView label="Request JSON" value={body.request ?? null} caption={false} />
      <h4 className="section-title">
        {body.error !== undefined ? 'Failed' : `Response ${frame.httpStatus ?? ''}`}
        {frame.durationMs !== null && <span className="muted small"> after {frame.durationMs} ms</span>}
      </h4>
      <JsonView label="Response JSON" value={body.error ?? body.response ?? null} caption={false} />
    </>
  );
}

/**
 * The picked frame with its other half: a request above its response (and the time between them),
 * whichever of the two was clicked. A notification or an unanswered request stands alone and says so.
 */
export function FrameDetail({ id, labels, onClose }: { id: number; labels: ReadonlyMap<string, string> | null; onClose(): void }) {
  const { db } = usePanelServices();
  const found = useLiveQuery(async () => {
    const [frame] = await readFrames(db, [id]);
    return frame ? { frame, partner: await findPartnerFrame(db, frame) } : null;
  }, [db, id]);
  if (found === undefined) return <section className="card frame-detail" aria-label="Frame details" aria-busy="true" />;
  if (found === null) {
    return (
      <section className="card frame-detail" aria-label="Frame details">
        <p className="muted">This frame is no longer kept: the log dropped it to make room.</p>
      </section>
    );
  }
  const { frame, partner } = found;
  const connector = labels ? (labels.get(frame.connectorId) ?? 'removed connector') : null;
  const role = rpcRoleOf(frame);
  const request = role?.role === 'response' ? partner : frame;
  const response = role?.role === 'response' ? frame : partner;
  return (
    <section className="card frame-detail stack" aria-label="Frame details">
      <div className="row spread">
        <strong className="frame-detail-title">
          {frame.method ?? '(response)'}
          {connector && <span className="muted small"> · {connector}</span>}
        </strong>
        <button type="button" className="btn btn-small" onClick={onClose}>
          Close details
        </button>
      </div>
      {frameKindOf(frame) === 'http' ? (
        <HttpExchange frame={frame} />
      ) : role === null ? (
        <FrameBody title="Notification" frame={frame} />
      ) : (
        <>
          {request ? <FrameBody title="Request" frame={request} /> : <p className="muted small">Its request is no longer kept.</p>}
          {response && request && (
            <p className="frame-pair-duration small">Answered after {response.durationMs ?? response.at - request.at} ms</p>
          )}
          {response ? <FrameBody title="Response" frame={response} /> : <p className="muted small">No response recorded yet.</p>}
        </>
      )}
    </section>
  );
}
