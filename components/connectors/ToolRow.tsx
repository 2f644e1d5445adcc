import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { memo, useState } from 'react';
import { JsonBlock } from '../ui/JsonBlock';
import { McpIcon } from '../ui/McpIcon';
import { ToolBadges } from './ToolBadges';

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
 * One tool: its switch (named by the tool), what it says it does, and its full definition.
 * Memoized: a catalog has thousands of these, and a refresh usually changes none of them.
 */
export const ToolRow = memo(function ToolRow({ tool, connectorId, enabled, whatIf = false, onToggle, onRun }: ToolRowProps) {
  const [open, setOpen] = useState(false);
  // The spec's title field, or the older annotations.title.
  const title = tool.title ?? tool.annotations?.title;
  return (
    <li className="tool-row">
      <div className="tool-head">
        <button
          type="button"
          role="switch"
          aria-checked={enabled}
          aria-label={tool.name}
          className="switch"
          onClick={() => onToggle(tool.name, !enabled)}
        />
        <McpIcon connectorId={connectorId} icons={tool.icons} />
        <code className="tool-name">{tool.name}</code>
        <button type="button" className="btn btn-link" aria-expanded={open} onClick={() => setOpen(!open)}>
          Details
        </button>
        <button type="button" className="btn btn-small" onClick={() => onRun(tool)}>
          Run
        </button>
      </div>
      <div className="tool-meta">
        {title && title !== tool.name && <span className="muted small">{title}</span>}
        <ToolBadges annotations={tool.annotations} />
        {whatIf && <span className="badge what-if" title="A what-if description is set in Evals; the server's own text is shown here">What-if</span>}
      </div>
      {tool.description && <p className="tool-description">{tool.description}</p>}
      {open && <ToolDetails tool={tool} />}
    </li>
  );
});

/** A tool's full definition, opened by Details: whose claims the badges are, and both schemas. */
export function ToolDetails({ tool }: { tool: Tool }) {
  return (
    <div className="stack tool-details">
      {tool.annotations && <p className="muted small">Annotations are the server’s claims, not facts Patchbay has checked.</p>}
      <JsonBlock label="Input schema" value={tool.inputSchema} />
      {tool.outputSchema ? <JsonBlock label="Output schema" value={tool.outputSchema} /> : <p className="muted small">No output schema.</p>}
    </div>
  );
}
