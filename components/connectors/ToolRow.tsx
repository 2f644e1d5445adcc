import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { memo, useState } from 'react';
import { JsonBlock } from '../ui/JsonBlock';
import { McpIcon } from '../ui/McpIcon';
import { ToolBadges } from './ToolBadges';
import { toolSummary } from './tool-filter';

interface ToolRowProps {
  tool: Tool;
  /** Whose tool it is: its icon is fetched through that connector. */
  connectorId: string;
  enabled: boolean;
  /** A what-if description is set for it (the Evals screen): the model sees it only where turned on. */
  whatIf?: boolean;
  /** Stable across renders (it is given the tool), so an unchanged row is not rendered again. */
  onToggle(toolName: string, enabled: boolean): void;
  onRun(tool: Tool): void;
}

/**
 * One tool in two short lines: its switch (named by the tool, with On/Off beside it for the eye),
 * name, Details and Run; then its claims and a one-line summary. Details opens the full
 * description and both schemas. Memoized: a catalog has thousands of these, and a refresh
 * usually changes none of them.
 */
export const ToolRow = memo(function ToolRow({ tool, connectorId, enabled, whatIf = false, onToggle, onRun }: ToolRowProps) {
  const [open, setOpen] = useState(false);
  const summary = toolSummary(tool);
  return (
    <li className="tool-row" data-open={open}>
      <div className="tool-head">
        <label className="switch-field">
          <button type="button" role="switch" aria-checked={enabled} aria-label={tool.name} className="switch" onClick={() => onToggle(tool.name, !enabled)} />
          <span className="switch-state" aria-hidden="true">
            {enabled ? 'On' : 'Off'}
          </span>
        </label>
        <McpIcon connectorId={connectorId} icons={tool.icons} />
        <code className="tool-name">{tool.name}</code>
        <button type="button" className="btn btn-small btn-quiet" aria-expanded={open} onClick={() => setOpen(!open)}>
          Details
        </button>
        <button type="button" className="btn btn-small" onClick={() => onRun(tool)}>
          Run
        </button>
      </div>
      {(summary || tool.annotations || whatIf) && !open && (
        <div className="tool-meta">
          {summary && <span className="tool-summary">{summary}</span>}
          <ToolBadges annotations={tool.annotations} compact />
          {whatIf && <span className="badge what-if" title="A what-if description is set in Evals; the server's own text is shown here">What-if</span>}
        </div>
      )}
      {open && <ToolDetails tool={tool} />}
    </li>
  );
});

/** A tool's full definition, opened by Details: its words, whose claims the badges are, and both schemas. */
export function ToolDetails({ tool }: { tool: Tool }) {
  const title = tool.title ?? tool.annotations?.title;
  return (
    <div className="stack tool-details">
      {title && title !== tool.name && <p className="tool-title">{title}</p>}
      {tool.description && <p className="tool-description">{tool.description}</p>}
      {tool.annotations && (
        <div className="row small">
          <ToolBadges annotations={tool.annotations} />
          <span className="muted">Annotations are the server’s claims, not facts Patchbay has checked.</span>
        </div>
      )}
      <JsonBlock label="Input schema" value={tool.inputSchema} />
      {tool.outputSchema ? <JsonBlock label="Output schema" value={tool.outputSchema} /> : <p className="muted small">No output schema.</p>}
    </div>
  );
}
