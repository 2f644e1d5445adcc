import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { memo, useCallback, useDeferredValue, useMemo, useRef, useState } from 'react';
import { sendCommand } from '@/lib/messaging/command-client';
import { filterTools } from './tool-filter';
import { ToolRow } from './ToolRow';
import { useConnectorAction } from './useConnectorAction';

/** A longer tool list starts collapsed to its first {@link TOOLS_PREVIEWED}, with its count shown. */
export const TOOLS_COLLAPSED_OVER = 30;
export const TOOLS_PREVIEWED = 20;

interface ToolListProps {
  connectorId: string;
  label: string;
  tools: readonly Tool[];
  enabledTools: readonly string[];
  /** Tools with a what-if description set in Evals (marked on their rows). */
  whatIf: ReadonlySet<string>;
  onRun(tool: Tool): void;
}

/**
 * A connector's tools: **Filter tools** (name, title, description) with "3 of 14", **Enable all** /
 * **Disable all** of what the filter shows (one command), and the compact rows. A list over
 * {@link TOOLS_COLLAPSED_OVER} shows its first {@link TOOLS_PREVIEWED} until asked: a catalog of
 * thousands of rows costs the whole panel style and layout work at every change.
 */
export const ToolList = memo(function ToolList({ connectorId, label, tools, enabledTools, whatIf, onRun }: ToolListProps) {
  // Its own busy and failure: the card's actions re-rendering does not render the list again.
  const action = useConnectorAction();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const matching = useMemo(() => filterTools(tools, deferred), [tools, deferred]);
  const [showAll, setShowAll] = useState(false);
  const collapsed = !showAll && matching.length > TOOLS_COLLAPSED_OVER;
  const shown = collapsed ? matching.slice(0, TOOLS_PREVIEWED) : matching;
  const enabled = useMemo(() => new Set(enabledTools), [enabledTools]);
  const allOn = matching.every((tool) => enabled.has(tool.name));
  const allOff = matching.every((tool) => !enabled.has(tool.name));
  const latest = useRef({ action, connectorId });
  latest.current = { action, connectorId };
  const toggle = useCallback((toolName: string, on: boolean) => {
    const { action: current, connectorId: id } = latest.current;
    void current.run('Switch tool', () => sendCommand('connectors.setToolEnabled', { id, toolName, enabled: on }));
  }, []);
  const switchAll = (on: boolean) =>
    void action.run(on ? 'Enable all' : 'Disable all', () => sendCommand('connectors.setToolsEnabled', { id: connectorId, toolNames: matching.map((tool) => tool.name), enabled: on }));
  const busy = action.busy !== null;

  return (
    <div className="tool-section">
      <div className="tool-toolbar">
        <span className="tool-filter-box">
          <input
            type="search"
            className="input tool-filter"
            aria-label="Filter tools"
            placeholder="Filter tools"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
          <span className="tool-count small muted" role="status">
            {matching.length} of {tools.length}
          </span>
        </span>
        <button type="button" className="btn btn-small" disabled={busy || allOn || matching.length === 0} onClick={() => switchAll(true)}>
          Enable all
        </button>
        <button type="button" className="btn btn-small" disabled={busy || allOff || matching.length === 0} onClick={() => switchAll(false)}>
          Disable all
        </button>
      </div>
      {matching.length === 0 ? (
        <p className="muted small">No tool matches “{deferred}”.</p>
      ) : (
        <ul className="tool-list" aria-label={`${label} tools`}>
          {shown.map((tool) => (
            <ToolRow key={tool.name} tool={tool} connectorId={connectorId} enabled={enabled.has(tool.name)} whatIf={whatIf.has(tool.name)} onToggle={toggle} onRun={onRun} />
          ))}
        </ul>
      )}
      {matching.length > TOOLS_COLLAPSED_OVER && (
        <button type="button" className="btn btn-link" aria-expanded={!collapsed} onClick={() => setShowAll(collapsed)}>
          {collapsed ? `Show all ${matching.length} tools (${matching.length - TOOLS_PREVIEWED} more)` : `Show the first ${TOOLS_PREVIEWED} tools only`}
        </button>
      )}
      {action.failure && (
        <div className="notice" data-tone="error" role="alert">
          {action.failure}
        </div>
      )}
    </div>
  );
});
