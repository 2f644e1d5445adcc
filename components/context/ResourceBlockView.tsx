import type { EmbeddedResource, ResourceLink } from '@modelcontextprotocol/sdk/types.js';
import { useState } from 'react';
import { formatBytes } from '@/lib/contract/format-bytes';
import { composerDraft } from '../chat/composer-draft';
import { ResourceButtons, ResourceOutcome } from './ResourceRow';
import { useResourceActions } from './useResourceActions';
import './context.css';

/** Characters of an embedded text resource previewed in a card; Attach carries what the display copy holds. */
const PREVIEW_CHARS = 2_000;

/**
 * A `resource_link` in a tool result: what the server says it points to, with **Read** and
 * **Attach** against the same connector (a link is only a URI on that server; nothing is fetched
 * from anywhere else).
 */
export function ResourceLinkView({ connectorId, link }: { connectorId: string; link: ResourceLink }) {
  const name = link.title ?? link.name;
  const actions = useResourceActions(connectorId, link.uri, name);
  return (
    <div className="context-row context-row-stacked" role="group" aria-label={`Resource link ${name}`}>
      <div className="context-row-line">
        <div className="context-row-text">
          <span className="context-row-name">{name}</span>
          <span className="muted small context-uri">{link.uri}</span>
          {link.mimeType && <span className="muted small">{link.mimeType}</span>}
          {link.description && <span className="muted small">{link.description}</span>}
        </div>
        <ResourceButtons actions={actions} />
      </div>
      <ResourceOutcome actions={actions} label={`Contents of ${name}`} />
    </div>
  );
}

/** An embedded `resource` in a tool result: a preview of its text (or its size), and **Attach**. */
export function EmbeddedResourceView({ connectorId, block }: { connectorId: string; block: EmbeddedResource }) {
  const { resource } = block;
  const [attached, setAttached] = useState(false);
  const text = 'text' in resource && typeof resource.text === 'string' ? resource.text : undefined;
  const blob = 'blob' in resource && typeof resource.blob === 'string' ? resource.blob : undefined;
  const size = text !== undefined ? new TextEncoder().encode(text).length : Math.floor(((blob?.length ?? 0) * 3) / 4);
  const name = resource.uri.replace(/[?#].*$/, '').split('/').filter(Boolean).at(-1) ?? resource.uri;

  function attach() {
    composerDraft.attach({
      id: `resource:${connectorId}:${resource.uri}#embedded`,
      name,
      source: { kind: 'resource', connectorId, uri: resource.uri },
      mimeType: resource.mimeType ?? 'text/plain',
      ...(text !== undefined ? { text } : { blob: blob ?? '' }),
      sizeBytes: size,
      attachedAt: Date.now(),
    });
    setAttached(true);
  }

  return (
    <div className="context-row context-row-stacked" role="group" aria-label={`Embedded resource ${name}`}>
      <div className="context-row-line">
        <div className="context-row-text">
          <span className="context-row-name">{name}</span>
          <span className="muted small context-uri">{resource.uri}</span>
          <span className="muted small">
            {resource.mimeType ?? 'no type'} · {formatBytes(size)}
          </span>
        </div>
        <button type="button" className="btn btn-small" onClick={attach}>
          Attach
        </button>
      </div>
      {text !== undefined && <pre className="result-text resource-text">{text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS)}…` : text}</pre>}
      {attached && (
        <p className="small context-note" role="status">
          Attached to the next message.
        </p>
      )}
    </div>
  );
}
