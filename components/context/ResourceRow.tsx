import type { Resource } from '@modelcontextprotocol/sdk/types.js';
import { formatBytes } from '@/lib/contract/format-bytes';
import { ResourceContents } from './ResourceContents';
import { useResourceActions } from './useResourceActions';
import { McpIcon } from '../ui/McpIcon';

/** One resource: its name, URI, type and size as the server lists them, **Read** and **Attach**. */
export function ResourceRow({ connectorId, resource }: { connectorId: string; resource: Resource }) {
  const name = resource.title ?? resource.name;
  const actions = useResourceActions(connectorId, resource.uri, name);
  return (
    <li className="context-row context-row-stacked" aria-label={name}>
      <div className="context-row-line">
        <div className="context-row-text">
          <span className="context-row-name"><McpIcon connectorId={connectorId} icons={resource.icons} />{name}</span>
          <span className="muted small context-uri">{resource.uri}</span>
          <span className="muted small">
            {[resource.mimeType, resource.size !== undefined ? formatBytes(resource.size) : null].filter(Boolean).join(' · ')}
          </span>
          {resource.description && <span className="muted small">{resource.description}</span>}
        </div>
        <ResourceButtons actions={actions} />
      </div>
      <ResourceOutcome actions={actions} label={`Contents of ${name}`} />
    </li>
  );
}

/** Read and Attach, disabled while one is under way. */
export function ResourceButtons({ actions }: { actions: ReturnType<typeof useResourceActions> }) {
  return (
    <div className="row context-buttons">
      <button type="button" className="btn btn-small" disabled={actions.busy} onClick={actions.read}>
        Read
      </button>
      <button type="button" className="btn btn-small" disabled={actions.busy} onClick={actions.attach}>
        Attach
      </button>
    </div>
  );
}

/** What Read or Attach gave: the contents, a note, or the failure in words. */
export function ResourceOutcome({ actions, label }: { actions: ReturnType<typeof useResourceActions>; label: string }) {
  return (
    <>
      {actions.note && (
        <p className="small context-note" role="status">
          {actions.note}
        </p>
      )}
      {actions.failure && (
        <div className="notice" data-tone="error" role="alert">
          {actions.failure}
        </div>
      )}
      {actions.contents && <ResourceContents contents={actions.contents} label={label} />}
    </>
  );
}
