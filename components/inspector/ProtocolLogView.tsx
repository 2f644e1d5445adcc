import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { ProtocolLogRepository } from '@/lib/db/repositories/protocol-log-repository';
import { sendCommand } from '@/lib/messaging/command-client';
import { usePanelServices } from '../app/panel-services';
import { downloadText } from '../ui/download-text';
import type { LogFocus } from '../app/log-focus';
import { logStatsText } from './log-stats-text';
import { ProtocolFrameRowView } from './ProtocolFrameRowView';
import { LOG_LEVELS, LogLevelSchema, type LogLevel } from '@/lib/contract/log-level';
import { isLogAtLeast, LOG_MESSAGE_METHOD } from '@/lib/contract/log-message';

const SHOWN = 300;
/** The select's values for "every method" and for frames without one (unmatched responses). */
const ALL = '';
const RESPONSE = '(response)';

function shownText(count: number, method: string): string {
  const what = method === ALL ? '' : ` ${method}`;
  return count === 0 && method !== ALL ? `no${what} frames kept` : `newest ${Math.min(SHOWN, count)}${what} shown`;
}

/** A connector's wire traffic, newest first, filterable by method or by log level, exportable without secrets. */
export default function ProtocolLogView({
  connectorId,
  connectorLabel,
  focus = null,
  onClearFocus,
}: {
  connectorId: string;
  connectorLabel: string;
  /** Show only the frames of this window (a tool call's), newest first, until cleared. */
  focus?: LogFocus | null;
  onClearFocus?(): void;
}) {
  const { db } = usePanelServices();
  const repository = useMemo(() => new ProtocolLogRepository(db), [db]);
  const [method, setMethod] = useState<string>(ALL);
  // A level filter shows the server's log messages at that level and above (and only them).
  const [level, setLevel] = useState<LogLevel | null>(null);
  const picked = level ? LOG_MESSAGE_METHOD : method === ALL ? undefined : method === RESPONSE ? null : method;
  const frames = useLiveQuery(
    async () => {
      const found = focus
        ? (await repository.between(connectorId, focus.from, focus.to, SHOWN)).reverse().filter((f) => picked === undefined || f.method === picked)
        : await repository.newest(connectorId, SHOWN, picked);
      return level ? found.filter((f) => isLogAtLeast(f, level)) : found;
    },
    [repository, connectorId, focus, picked, level],
  );
  // Offered from the whole ring, not only the frames on screen: older methods stay selectable.
  const methods = useLiveQuery(() => repository.methods(connectorId), [repository, connectorId]);
  const stats = useLiveQuery(() => repository.stats(connectorId), [repository, connectorId]);

  async function download() {
    const file = await sendCommand('protocolLog.export', { connectorId, connectorLabel });
    downloadText(file.fileName, file.text, file.mimeType);
  }

  return (
    <section className="protocol-log" aria-label={`${connectorLabel} protocol log`}>
      <div className="row">
        <label className="small">
          Method{' '}
          <select className="input inline" value={method} disabled={level !== null} onChange={(e) => setMethod(e.target.value)} aria-label="Filter by method">
            <option value={ALL}>All</option>
            {method !== ALL && !methods?.some((m) => (m ?? RESPONSE) === method) && <option value={method}>{method}</option>}
            {methods?.map((m) => (
              <option key={m ?? RESPONSE} value={m ?? RESPONSE}>
                {m ?? RESPONSE}
              </option>
            ))}
          </select>
        </label>
        <label className="small">
          Level{' '}
          <select className="input inline" value={level ?? ALL} onChange={(e) => setLevel(LogLevelSchema.safeParse(e.target.value).data ?? null)} aria-label="Filter by level">
            <option value={ALL}>Any frame</option>
            {LOG_LEVELS.map((l) => (
              <option key={l} value={l}>
                {l === 'emergency' ? 'emergency' : `${l} and above`}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="btn" onClick={() => void download()}>
          Export JSON
        </button>
      </div>
      {focus && (
        <div className="notice row spread" role="status">
          <span>
            {focus.label}: {frames?.length ?? 0} frame{frames?.length === 1 ? '' : 's'}
          </span>
          <button type="button" className="btn btn-small" onClick={onClearFocus}>
            Show all frames
          </button>
        </div>
      )}
      <p className="muted small">
        {stats ? `${logStatsText(stats)} · ${shownText(frames?.length ?? 0, method)}` : ' '}
      </p>
      <ol className="frames">
        {(frames ?? []).map((frame) => (
          <ProtocolFrameRowView key={frame.id} frame={frame} />
        ))}
      </ol>
    </section>
  );
}
