import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { lazy, memo, Suspense, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { LogFocus } from '../app/log-focus';
import type { ConnectorRow } from '@/lib/db/rows';
import type { ConnectorStatus } from '@/lib/contract/connector-status';
import { isDemoConnectorUrl } from '@/lib/contract/demo-connector';
import { connectorStatusText, connectorStatusTone } from './connector-status-text';
import { ToolChanges } from './ToolChanges';
import { ToolList } from './ToolList';
import { ConnectorMore } from './ConnectorMore';
import { useRememberedCollapse } from './useRememberedCollapse';
import './connectors-compact.css';
import { useOverriddenTools } from './useOverriddenTools';
import { ConnectorActions } from './ConnectorActions';
import { useConnectorAction } from './useConnectorAction';
import { reuseUnchanged } from '../chat/reuse-unchanged';
import { McpIcon } from '../ui/McpIcon';
import { ConnectorViewTabs, type ConnectorView } from '../context/ConnectorViewTabs';

const ProtocolLogView = lazy(() => import('../inspector/ProtocolLogView'));
const RunToolDialog = lazy(() => import('../inspector/RunToolDialog'));
const AuthStepsView = lazy(() => import('../inspector/AuthStepsView'));
const PromptsView = lazy(() => import('../context/PromptsView').then((m) => ({ default: m.PromptsView })));
const ResourcesView = lazy(() => import('../context/ResourcesView').then((m) => ({ default: m.ResourcesView })));

export { TOOLS_COLLAPSED_OVER, TOOLS_PREVIEWED } from './ToolList';

interface ConnectorItemProps {
  row: ConnectorRow;
  status: ConnectorStatus | undefined;
  /** Open the log at these frames (a tool call card's link), instead of the tools. */
  logFocus?: LogFocus | null;
  onEdit(id: string): void;
}

/**
 * One connector, compact at 400 px: a head that stays when folded (name, status, tool count), the
 * actions with the rarely used facts behind **More**, what changed, its tools and, on demand, its
 * prompts, resources and protocol log. A folded card renders no tool rows at all. Memoized, with its tools shared across refreshes that do not change them: only what changed renders.
 */
export const ConnectorItem = memo(function ConnectorItem({ row, status, logFocus = null, onEdit }: ConnectorItemProps) {
  const action = useConnectorAction();
  const [view, setView] = useState<ConnectorView>(logFocus ? 'log' : 'tools');
  const [focus, setFocus] = useState(logFocus);
  const item = useRef<HTMLLIElement>(null);
  const id = row.id;
  const [collapsed, setCollapsed] = useRememberedCollapse(id);
  useEffect(() => {
    if (!logFocus) return;
    // A call card's link to its frames opens a folded card too.
    setCollapsed(false);
    item.current?.scrollIntoView({ block: 'start' });
  }, [logFocus, setCollapsed]);
  const [running, setRunning] = useState<Tool | null>(null);
  const shared = useRef<Tool[] | undefined>(undefined);
  const tools = useMemo(() => (shared.current = reuseUnchanged(shared.current, row.tools, (tool) => tool.name)), [row.tools]);
  const bodyId = useId();
  // What the status asks of the user (sign in, grant access, reconnect) stays in view when folded.
  const needsAction = status?.state === 'needs-auth' || status?.state === 'permission-needed' || status?.state === 'error';
  const whatIf = useOverriddenTools(row.id);

  return (
    <li ref={item} className="card connector" aria-label={row.label} data-collapsed={collapsed}>
      <div className="connector-head">
        <h3 className="connector-name">
          <button type="button" className="connector-toggle" aria-expanded={!collapsed} aria-controls={bodyId} title={row.url} onClick={() => setCollapsed(!collapsed)}>
            <svg className="chevron" viewBox="0 0 16 16" aria-hidden="true">
              <path d="M4 6l4 4 4-4" />
            </svg>
            <McpIcon connectorId={id} icons={row.serverInfo?.icons} size={18} />
            <span className="connector-label">{row.label}</span>
          </button>
        </h3>
        <span className="connector-status" data-state={status?.state ?? 'connecting'}>
          <span className="dot" data-tone={connectorStatusTone(status)} aria-hidden="true" />
          {connectorStatusText(status)}
        </span>
      </div>
      <p className="connector-facts muted small">
        <span className="connector-url">{row.url}</span>
        <span className="connector-count">
          {row.toolsFetchedAt === null ? (
            'Tools not fetched yet.'
          ) : (
            <>
              {tools.length} tools · fetched at <time dateTime={new Date(row.toolsFetchedAt).toISOString()}>{new Date(row.toolsFetchedAt).toLocaleTimeString()}</time>
            </>
          )}
        </span>
      </p>
      {status?.state === 'error' && status.code === 'unreachable' && isDemoConnectorUrl(row.url) && (
        <p className="notice small" data-tone="warn">
          This is the demo server, and it is not running. Start it with <code>npm start</code> in the Patchbay folder (it serves
          server-everything at this URL), then press Reconnect.
        </p>
      )}
      {(!collapsed || needsAction) && (
        <ConnectorActions row={row} status={status} onEdit={() => onEdit(id)} more={<ConnectorMore row={row} action={action} />} />
      )}
      {!collapsed && (
        <div className="connector-body" id={bodyId}>
          {row.askAlways && <p className="small ask-always-note">Asks before every tool</p>}
          {row.toolChanges && <ToolChanges diff={row.toolChanges} />}
          <ConnectorViewTabs
            label={`${row.label} view`}
            selected={view}
            onSelect={setView}
            views={[
              { id: 'tools', label: `Tools (${tools.length})` },
              { id: 'prompts', label: 'Prompts' },
              { id: 'resources', label: 'Resources' },
              { id: 'log', label: 'Protocol log' },
              ...(row.auth === 'oauth' ? [{ id: 'auth' as const, label: 'Sign-in steps' }] : []),
            ]}
          />
          {view === 'tools' && tools.length > 0 && <ToolList connectorId={id} label={row.label} tools={tools} enabledTools={row.enabledTools} whatIf={whatIf} onRun={setRunning} />}
          {view === 'auth' && (
            <Suspense fallback={null}>
              <AuthStepsView connectorId={id} status={status} />
            </Suspense>
          )}
          {(view === 'prompts' || view === 'resources') && (
            <Suspense fallback={<p className="muted">Loading…</p>}>
              {view === 'prompts' ? <PromptsView connectorId={id} connectorLabel={row.label} /> : <ResourcesView connectorId={id} connectorLabel={row.label} />}
            </Suspense>
          )}
          {view === 'log' && (
            <Suspense fallback={<p className="muted">Loading the log…</p>}>
              <ProtocolLogView connectorId={id} connectorLabel={row.label} focus={focus} onClearFocus={() => setFocus(null)} />
            </Suspense>
          )}
        </div>
      )}
      {action.failure && (
        <div className="notice" data-tone="error" role="alert">
          {action.failure}
        </div>
      )}
      {running && (
        <Suspense fallback={null}>
          <RunToolDialog connectorId={id} tool={running} onClose={() => setRunning(null)} />
        </Suspense>
      )}
    </li>
  );
});
