import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import type { FrameFilter } from '@/lib/db/repositories/protocol-log-listing';
import { ProtocolLogRepository } from '@/lib/db/repositories/protocol-log-repository';
import { sendCommand } from '@/lib/messaging/command-client';
import { usePanelServices } from '../app/panel-services';
import { downloadText } from '../ui/download-text';
import type { LogFocus } from '../app/log-focus';
import { logStatsText } from './log-stats-text';
import { FrameList, type FrameListHandle } from './log/FrameList';
import { FrameDetail } from './log/FrameDetail';
import { ALL_METHODS, LogFilters, NO_METHOD, type LogFilterState } from './log/LogFilters';
import { LogSearch } from './log/LogSearch';
import { useFrameSearch } from './log/useFrameSearch';
import { useFrameListing } from './log/useFrameListing';
import { LOG_MESSAGE_METHOD } from '@/lib/contract/log-message';
import './log/protocol-log.css';

function countText(count: number, method: string): string {
  const what = method === ALL_METHODS ? '' : ` ${method}`;
  return `${count.toLocaleString('en')}${what} frame${count === 1 ? '' : 's'} shown`;
}

/**
 * The protocol log as a tool: every kept frame of one connector (or of all, `connectorId: null`),
 * oldest at the top, virtualised, following the tail; filters by method, level and kind; a text
 * search; a detail pane pairing a request with its response; export without secrets.
 */
export default function ProtocolLogView({
  connectorId,
  connectorLabel,
  labels = null,
  focus = null,
  onClearFocus,
  picker,
}: {
  connectorId: string | null;
  connectorLabel: string | null;
  /** Connector names by id, for the connector column when every connector is listed. */
  labels?: ReadonlyMap<string, string> | null;
  /** Show only the frames of this window (a tool call's), until cleared. */
  focus?: LogFocus | null;
  onClearFocus?(): void;
  /** The Log tab's connector choice, shown with the filters. */
  picker?: ReactNode;
}) {
  const { db } = usePanelServices();
  const repository = useMemo(() => new ProtocolLogRepository(db), [db]);
  const [filters, setFilters] = useState<LogFilterState>({ method: ALL_METHODS, level: null, kind: 'all' });
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [current, setCurrent] = useState<number | null>(null);
  const [following, setFollowing] = useState(true);
  const list = useRef<FrameListHandle>(null);

  const filter: FrameFilter = {
    connectorId,
    // A level filter shows the server's log messages at that level and above (and only them).
    method: filters.level ? LOG_MESSAGE_METHOD : filters.method === ALL_METHODS ? undefined : filters.method === NO_METHOD ? null : filters.method,
    kind: filters.kind,
    level: filters.level,
    window: focus ? { from: focus.from, to: focus.to } : null,
  };
  const filterKey = JSON.stringify(filter);
  const listing = useFrameListing(db, filter);
  const stats = useLiveQuery(() => (connectorId ? repository.stats(connectorId) : Promise.resolve(null)), [repository, connectorId]);
  const search = useFrameSearch(db, listing, filterKey);
  const matched = useMemo(() => new Set(search.matchedIds ?? []), [search.matchedIds]);

  const jump = useCallback(
    (position: number) => {
      setCurrent(position);
      const id = listing?.[position];
      if (id !== undefined) setSelectedId(id);
      list.current?.show(position);
    },
    [listing],
  );

  async function download() {
    if (!connectorId || !connectorLabel) return;
    const file = await sendCommand('protocolLog.export', { connectorId, connectorLabel });
    downloadText(file.fileName, file.text, file.mimeType);
  }

  const name = connectorLabel ? `${connectorLabel} protocol log` : 'Protocol log';
  return (
    <section className="protocol-log" aria-label={name}>
      <LogFilters connectorId={connectorId} state={filters} onChange={setFilters}>
        {picker}
      </LogFilters>
      <LogSearch search={search} current={current} onJump={jump} />
      {focus && (
        <div className="notice row spread" role="status">
          <span>
            {focus.label}: {listing?.length ?? 0} frame{listing?.length === 1 ? '' : 's'}
          </span>
          <button type="button" className="btn btn-small" onClick={onClearFocus}>
            Show all frames
          </button>
        </div>
      )}
      <div className="row spread log-summary">
        <span className="muted small">
          {stats ? `${logStatsText(stats)} · ` : ''}
          {listing ? countText(listing.length, filters.level ? LOG_MESSAGE_METHOD : filters.method) : ' '}
        </span>
        <span className="row log-actions">
          <button type="button" className="btn btn-small" aria-pressed={following} onClick={() => (following ? setFollowing(false) : list.current ? list.current.tail() : setFollowing(true))}>
            Follow tail
          </button>
          <button type="button" className="btn btn-small" disabled={!connectorId} title={connectorId ? undefined : 'Pick a connector to export its log'} onClick={() => void download()}>
            Export JSON
          </button>
        </span>
      </div>
      {listing === undefined ? (
        <div className="frames" aria-busy="true" />
      ) : listing.length === 0 ? (
        <p className="muted frames-empty">{focus || filter.method !== undefined || filter.kind !== 'all' ? 'No frame fits these filters.' : 'Nothing on the wire yet.'}</p>
      ) : (
        <FrameList
          key={filterKey}
          ref={list}
          listing={listing}
          labels={labels}
          selectedId={selectedId}
          matched={matched}
          onSelect={setSelectedId}
          following={following}
          onFollowingChange={setFollowing}
        />
      )}
      {selectedId !== null && <FrameDetail id={selectedId} labels={labels} onClose={() => setSelectedId(null)} />}
    </section>
  );
}
