import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { lazy, memo, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { LogFocus } from '../app/log-focus';
import type { ConnectorRow } from '@/lib/db/rows';
import type { ConnectorStatus } from '@/lib/contract/connector-status';
import { isDemoConnectorUrl } from '@/lib/contract/demo-connector';
import { sendCommand } from '@/lib/messaging/command-client';
import { connectorStatusText, connectorStatusTone } from './connector-status-text';
import { ToolChanges } from './ToolChanges';
import { ToolRow } from './ToolRow';
import { useOverriddenTools } from './useOverriddenTools';
import { ConnectorActions } from './ConnectorActions';
import { LogLevelSelect } from './LogLevelSelect';
import { useConnectorAction } from './useConnectorAction';
import { reuseUnchanged } from '../chat/reuse-unchanged';
import { McpIcon } from '../ui/McpIcon';
import { CapabilitiesView } from '../context/CapabilitiesView';
import { ConnectorViewTabs, type ConnectorView } from '../context/ConnectorViewTabs';

const ProtocolLogView = lazy(() => import('../inspector/ProtocolLogView'));
const RunToolDialog = lazy(() => import('../inspector/RunToolDialog'));
const AuthStepsView = lazy(() => import('../inspector/AuthStepsView'));
const PromptsView = lazy(() => import('../context/PromptsView').then((m) => ({ default: m.PromptsView })));
const ResourcesView = lazy(() => import('../context/ResourcesView').then((m) => ({ default: m.ResourcesView })));

/** A longer tool list starts collapsed to its first {@link TOOLS_PREVIEWED}, with its count shown. */
export const TOOLS_COLLAPSED_OVER = 30;
export const TOOLS_PREVIEWED = 20;

interface ConnectorItemProps {
  row: ConnectorRow;
  status: ConnectorStatus | undefined;
  /** Open the log at these frames (a tool call card's link), instead of the tools. */
  logFocus?: LogFocus | null;
  onEdit(id: string): void;
}

/**
 * One connector: status, actions, what changed, its tools and, on demand, its protocol log.
 * Memoized, with its tools shared across refreshes that do not change them: only what changed renders.
 */
export const ConnectorItem = memo(function ConnectorItem({ row, status, logFocus = null, onEdit }: ConnectorItemProps) {
  const action = useConnectorAction();
  const [view, setView] = useState<ConnectorView>(logFocus ? 'log' : 'tools');
  const [focus, setFocus] = useState(logFocus);
  const item = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (logFocus) item.current?.scrollIntoView({ block: 'start' });
  }, [logFocus]);
  const [running, setRunning] = useState<Tool | null>(null);
  const shared = useRef<Tool[] | undefined>(undefined);
  const tools = useMemo(() => (shared.current = reuseUnchanged(shared.current, row.tools, (tool) => tool.name)), [row.tools]);
  // A catalog of thousands of tool rows costs the whole panel style and layout work at every change.
  const [showAll, setShowAll] = useState(false);
  const collapsed = !showAll && tools.length > TOOLS_COLLAPSED_OVER;
  const shown = collapsed ? tools.slice(0, TOOLS_PREVIEWED) : tools;
  const enabled = new Set(row.enabledTools);
  const whatIf = useOverriddenTools(row.id);
  const id = row.id;
  const latest = useRef({ action, id });
  latest.current = { action, id };
  const toggle = useCallback((toolName: string, on: boolean) => {
    const { action: current, id: connectorId } = latest.current;
    void current.run('Switch tool', () => sendCommand('connectors.setToolEnabled', { id: connectorId, toolName, enabled: on }));
  }, []);

  return (
    <li ref={item} className="card connector" aria-label={row.label}>
      <div className="connector-head">
        <span className="dot" data-tone={connectorStatusTone(status)} aria-hidden="true" />
        <McpIcon connectorId={id} icons={row.serverInfo?.icons} size={20} />
        <div className="connector-title">
          <h3>{row.label}</h3>
          <span className="muted small">{row.url}</span>
        </div>
      </div>
      <p className="connector-status" data-state={status?.state ?? 'connecting'}>
        {connectorStatusText(status)}
      </p>
      {status?.state === 'error' && status.code === 'unreachable' && isDemoConnectorUrl(row.url) && (
        <p className="notice small" data-tone="warn">
          This is the demo server, and it is not running. Start it with <code>npm start</code> in the Patchbay folder (it serves
          server-everything at this URL), then press Reconnect.
        </p>
      )}
      <ConnectorActions row={row} status={status} onEdit={() => onEdit(id)} />
      <p className="muted small">
        {row.toolsFetchedAt === null ? (
          'Tools not fetched yet.'
        ) : (
          <>
            {tools.length} tools · fetched at <time dateTime={new Date(row.toolsFetchedAt).toISOString()}>{new Date(row.toolsFetchedAt).toLocaleTimeString()}</time>
          </>
        )}
        {row.serverInfo && ` · ${row.serverInfo.name} ${row.serverInfo.version}`}
        {row.transportUsed && ` · ${row.transportUsed === 'sse' ? 'SSE' : 'Streamable HTTP'}`}
      </p>
      {row.askAlways && <p className="small ask-always-note">Asks before every tool</p>}
      <LogLevelSelect row={row} action={action} />
      {row.toolChanges && <ToolChanges diff={row.toolChanges} />}
      <CapabilitiesView row={row} />
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
      {view === 'tools' && tools.length > 0 && (
        <ul className="tool-list" aria-label={`${row.label} tools`}>
          {shown.map((tool) => (
            <ToolRow
              key={tool.name}
              tool={tool}
              connectorId={id}
              enabled={enabled.has(tool.name)}
              whatIf={whatIf.has(tool.name)}
              onToggle={toggle}
              onRun={setRunning}
            />
          ))}
        </ul>
      )}
      {view === 'tools' && tools.length > TOOLS_COLLAPSED_OVER && (
        <button type="button" className="btn btn-link" aria-expanded={!collapsed} onClick={() => setShowAll(collapsed)}>
          {collapsed ? `Show all ${tools.length} tools (${tools.length - TOOLS_PREVIEWED} more)` : `Show the first ${TOOLS_PREVIEWED} tools only`}
        </button>
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
    </li>
  );
});
