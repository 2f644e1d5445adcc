import { useLiveQuery } from 'dexie-react-hooks';
import type { ReactNode } from 'react';
import { listedMethods } from '@/lib/db/repositories/protocol-log-listing';
import { LOG_LEVELS, LogLevelSchema, type LogLevel } from '@/lib/contract/log-level';
import type { FrameKind } from '@/lib/contract/protocol-frame-facts';
import { usePanelServices } from '../../app/panel-services';

/** The select's values for "every method" and for frames without one (unanswered responses). */
export const ALL_METHODS = '';
export const NO_METHOD = '(response)';

export interface LogFilterState {
  method: string;
  level: LogLevel | null;
  kind: FrameKind | 'all';
}

const KINDS = ['all', 'jsonrpc', 'http'] as const;
const KIND_LABELS: Record<(typeof KINDS)[number], string> = { all: 'RPC and HTTP', jsonrpc: 'JSON-RPC only', http: 'HTTP only' };

/**
 * The log's filters: method, level (a server's log messages at that level and above), kind.
 */
export function LogFilters({ connectorId, state, onChange, children }: { connectorId: string | null; state: LogFilterState; onChange(next: LogFilterState): void; children?: ReactNode }) {
  const { db } = usePanelServices();
  // Offered from the whole ring, not only the frames on screen: older methods stay selectable.
  const methods = useLiveQuery(() => listedMethods(db, connectorId), [db, connectorId]);
  const { method, level, kind } = state;
  return (
    <div className="row log-filters">
      {children}
      <label className="small">
        Method{' '}
        <select
          className="input inline"
          value={method}
          disabled={level !== null}
          onChange={(e) => onChange({ ...state, method: e.target.value })}
          aria-label="Filter by method"
        >
          <option value={ALL_METHODS}>All</option>
          {method !== ALL_METHODS && !methods?.some((m) => (m ?? NO_METHOD) === method) && <option value={method}>{method}</option>}
          {methods?.map((m) => (
            <option key={m ?? NO_METHOD} value={m ?? NO_METHOD}>
              {m ?? NO_METHOD}
            </option>
          ))}
        </select>
      </label>
      <label className="small">
        Level{' '}
        <select className="input inline" value={level ?? ''} onChange={(e) => onChange({ ...state, level: LogLevelSchema.safeParse(e.target.value).data ?? null })} aria-label="Filter by level">
          <option value="">Any frame</option>
          {LOG_LEVELS.map((l) => (
            <option key={l} value={l}>
              {l === 'emergency' ? 'emergency' : `${l} and above`}
            </option>
          ))}
        </select>
      </label>
      <label className="small">
        Kind{' '}
        <select className="input inline" value={kind} onChange={(e) => onChange({ ...state, kind: KINDS.find((k) => k === e.target.value) ?? 'all' })} aria-label="Filter by kind">
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
