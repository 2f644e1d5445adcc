import type { TraceFrame } from '@/lib/contract/trace-file';
import { formatBytes } from '@/lib/contract/format-bytes';
import { clockText, jsonText } from './trace-text';

/** Frames shown before "more" is needed: a big trace must not put thousands of nodes on screen at once. */
const SHOWN_FRAMES = 200;

/** Frames from the trace, oldest first: direction, method or status, time, size; the frame as JSON text. */
export function TraceFrameList({ title, frames, labels, nested = false }: { title: string; frames: TraceFrame[]; labels: Map<string, string>; nested?: boolean }) {
  const shown = frames.slice(0, SHOWN_FRAMES);
  const body = (
    <>
      <ol className="trace-frames">
        {shown.map((frame, index) => (
          <li key={index} className="trace-frame" data-direction={frame.direction}>
            <details>
              <summary>
                <span aria-label={frame.direction === 'out' ? 'sent' : 'received'}>{frame.direction === 'out' ? '→' : '←'}</span> <code>{frame.method ?? (frame.httpStatus === null ? 'response' : `HTTP ${frame.httpStatus}`)}</code>{' '}
                <span className="small muted">
                  {clockText(frame.at)} · {formatBytes(frame.sizeBytes)}
                  {frame.capped ? ' · shortened' : ''}
                  {nested ? '' : ` · ${labels.get(frame.connectorId) ?? frame.connectorId}`}
                </span>
              </summary>
              <pre className="trace-pre">{jsonText(frame.frame)}</pre>
            </details>
          </li>
        ))}
      </ol>
      {frames.length > shown.length && <p className="small muted">and {frames.length - shown.length} more frames (in the file).</p>}
    </>
  );
  if (nested) {
    return (
      <details className="trace-call-frames">
        <summary>{title}</summary>
        {body}
      </details>
    );
  }
  return (
    <section className="stack" aria-label={title}>
      <h3 className="section-title">{title}</h3>
      {frames.length === 0 ? <p className="muted small">No frames in this trace.</p> : body}
    </section>
  );
}
