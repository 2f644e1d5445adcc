import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { ProtocolLogRepository } from '@/lib/db/repositories/protocol-log-repository';
import { exportProtocolLog } from '@/lib/mcp/protocol-log-export';
import { usePanelServices } from '../app/panel-services';
import type { LogFocus } from '../app/log-focus';
import { ProtocolFrameRowView } from './ProtocolFrameRowView';

const SHOWN = 300;

/** A connector's wire traffic, newest first, filterable by method, exportable without secrets. */
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
  const frames = useLiveQuery(
    async () => (focus ? (await repository.between(connectorId, focus.from, focus.to, SHOWN)).reverse() : repository.newest(connectorId, SHOWN)),
    [repository, connectorId, focus],
  );
  const stats = useLiveQuery(() => repository.stats(connectorId), [repository, connectorId]);
  const [method, setMethod] = useState('');
  const methods = useMemo(() => [...new Set((frames ?? []).map((f) => f.method ?? '(response)'))].sort(), [frames]);
  const shown = (frames ?? []).filter((f) => !method || (f.method ?? '(response)') === method);

  async function download() {
    const all = await repository.all(connectorId);
    const blob = new Blob([exportProtocolLog(connectorLabel, await repository.stats(connectorId), all)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = Object.assign(document.createElement('a'), { href: url, download: `${connectorLabel.replace(/\W+/g, '-')}-protocol-log.json` });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  return (
    <section className="protocol-log" aria-label={`${connectorLabel} protocol log`}>
      <div className="row">
        <label className="small">
          Method{' '}
          <select className="input inline" value={method} onChange={(e) => setMethod(e.target.value)} aria-label="Filter by method">
            <option value="">All</option>
            {methods.map((m) => (
              <option key={m} value={m}>
                {m}
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
        {stats ? `${stats.total} recorded${stats.dropped ? `, ${stats.dropped} oldest dropped` : ''} · newest ${Math.min(SHOWN, frames?.length ?? 0)} shown` : ' '}
      </p>
      <ol className="frames">
        {shown.map((frame) => (
          <ProtocolFrameRowView key={frame.id} frame={frame} />
        ))}
      </ol>
    </section>
  );
}
