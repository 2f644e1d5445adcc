import { useState } from 'react';
import type { ProtocolFrameRow } from '@/lib/db/rows';
import { formatBytes } from '@/lib/contract/format-bytes';
import { logMessageOf } from '@/lib/contract/log-message';

/** One line of the log: time, direction, method (a log message: its level, logger and data), HTTP status, duration, size; click for JSON. */
export function ProtocolFrameRowView({ frame }: { frame: ProtocolFrameRow }) {
  const [open, setOpen] = useState(false);
  const log = logMessageOf(frame);
  const isError = (frame.httpStatus ?? 0) >= 400 || (frame.frame as { error?: unknown } | null)?.error !== undefined;
  return (
    <li className="frame" data-direction={frame.direction} data-error={isError}>
      <button type="button" className="frame-line" aria-expanded={open} onClick={() => setOpen(!open)}>
        <span className="frame-time">{new Date(frame.at).toLocaleTimeString()}</span>
        <span className="frame-dir" aria-label={frame.direction === 'out' ? 'sent' : 'received'}>
          {frame.direction === 'out' ? '→' : '←'}
        </span>
        {log ? (
          <span className="frame-method">
            <span className="badge frame-level" data-level={log.level}>
              {log.level}
            </span>
            {log.logger && <span className="frame-logger"> {log.logger}</span>} {log.preview}
          </span>
        ) : (
          <span className="frame-method">{frame.method ?? '(response)'}</span>
        )}
        {frame.httpStatus !== null && <span className="frame-status">{frame.httpStatus}</span>}
        {frame.durationMs !== null && <span className="frame-duration">{frame.durationMs} ms</span>}
        {/* A streamed HTTP body has no length up front; its frames carry their own sizes. */}
        <span className="frame-size">{frame.sizeBytes > 0 || frame.httpStatus === null ? formatBytes(frame.sizeBytes) : '—'}</span>
        {frame.capped && <span className="badge frame-capped">capped</span>}
      </button>
      {open && frame.capped && (
        <p className="muted small">
          Capped: this frame was {formatBytes(frame.sizeBytes)}; the log keeps a shortened copy. The whole result stays with its call.
        </p>
      )}
      {open && <pre className="frame-json">{JSON.stringify(frame.frame, null, 2)}</pre>}
    </li>
  );
}
