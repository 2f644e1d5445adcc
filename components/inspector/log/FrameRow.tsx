import type { ProtocolFrameRow } from '@/lib/db/rows';
import { formatBytes } from '@/lib/contract/format-bytes';
import { logMessageOf } from '@/lib/contract/log-message';
import { frameKindOf } from '@/lib/contract/protocol-frame-facts';
import { frameTimeText } from './frame-time';

/** Height of one row in px: the virtual list positions rows by it, so it matches `.frame` in the CSS. */
export const FRAME_ROW_HEIGHT = 26;

function isErrorFrame(frame: ProtocolFrameRow): boolean {
  return (frame.httpStatus ?? 0) >= 400 || (frame.frame as { error?: unknown } | null)?.error !== undefined;
}

/**
 * One line of the log in columns: time with ms, direction (an arrow, and words for screen
 * readers), kind, method (a log message: its level, logger and data) or HTTP status, duration and
 * size. Clicking it opens the frame, with its request or response, in the detail pane.
 */
export function FrameRow({ frame, connector, selected, matched, onSelect }: {
  frame: ProtocolFrameRow;
  /** The connector's name, shown when the log lists every connector. */
  connector: string | null;
  selected: boolean;
  matched: boolean;
  onSelect(id: number): void;
}) {
  const log = logMessageOf(frame);
  const kind = frameKindOf(frame);
  return (
    <div className="frame" data-direction={frame.direction} data-error={isErrorFrame(frame)} data-kind={kind} data-match={matched} data-frame-id={frame.id}>
      <button type="button" className="frame-line" aria-pressed={selected} onClick={() => onSelect(frame.id!)}>
        <span className="frame-time">{frameTimeText(frame.at)}</span>
        <span className="frame-dir">
          <span aria-hidden="true">{frame.direction === 'out' ? '→' : '←'}</span>
          <span className="sr-only">{frame.direction === 'out' ? 'sent' : 'received'}</span>
        </span>
        <span className="badge frame-kind">{kind === 'http' ? 'HTTP' : 'RPC'}</span>
        {connector !== null && <span className="frame-connector">{connector}</span>}
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
        <span className="frame-status">{frame.httpStatus ?? ''}</span>
        <span className="frame-duration">{frame.durationMs === null ? '' : `${frame.durationMs} ms`}</span>
        {/* A streamed HTTP body has no length up front; its frames carry their own sizes. */}
        <span className="frame-size">{frame.sizeBytes > 0 || frame.httpStatus === null ? formatBytes(frame.sizeBytes) : '—'}</span>
        {frame.capped && <span className="badge frame-capped">capped</span>}
      </button>
    </div>
  );
}

/** A row whose frame is still being read (or was just dropped by the ring): same height, no text. */
export function FramePlaceholder() {
  return <div className="frame frame-pending" aria-hidden="true" />;
}
