import { useState } from 'react';
import { ensureHostPermission } from '@/components/browser/host-permissions';
import type { ConnectorDraft } from '@/lib/contract/connector-draft';
import { DEMO_CONNECTOR, demoConnectorDraft } from '@/lib/contract/demo-connector';
import { sendCommand } from '@/lib/messaging/command-client';
import { EmptyState } from '../ui/EmptyState';
import { errorText } from '../ui/error-text';
import { ServerExamples } from './ServerExamples';
import { StdioBridge } from './StdioBridge';
import './first-run.css';

interface ConnectorsEmptyStateProps {
  /** Opens the form, empty or filled in (the demo's fallback when saving it directly failed). */
  onAdd(preset?: Partial<ConnectorDraft>): void;
}

/** No connectors yet: what they are, Add connector, and the demo server in one click. */
export function ConnectorsEmptyState({ onAdd }: ConnectorsEmptyStateProps) {
  const [adding, setAdding] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  function addDemo() {
    const draft = demoConnectorDraft();
    // Loopback is granted in the manifest, so this resolves without a prompt; asked inside the click all the same.
    const permission = ensureHostPermission(draft.url).catch(() => false);
    setAdding(true);
    setFailure(null);
    void (async () => {
      try {
        await permission;
        const saved = await sendCommand('connectors.save', draft);
        // The list replaces this screen once the row is stored; a refused draft goes to the form instead.
        if (!saved.ok) onAdd({ label: draft.label, url: draft.url, transport: draft.transport });
      } catch (error) {
        setFailure(`Could not add the demo server: ${errorText(error)}`);
      } finally {
        setAdding(false);
      }
    })();
  }

  return (
    <EmptyState title="No connectors yet">
      <p>
        A connector is a remote MCP server whose tools the model may call. Patchbay reaches servers on the internet, your intranet
        and <code>localhost</code>, over Streamable HTTP or SSE, and records every message on the wire.
      </p>
      <div className="row">
        <button className="btn btn-primary" type="button" onClick={() => onAdd()}>
          Add connector
        </button>
        <button className="btn" type="button" disabled={adding} onClick={addDemo}>
          {adding ? 'Adding the demo server…' : 'Add the demo server'}
        </button>
      </div>
      <p className="muted small">
        The demo is the reference MCP server <code>server-everything</code>, which <code>npm start</code> runs at{' '}
        <code>{DEMO_CONNECTOR.url}</code>. Installed from a store, without <code>npm start</code>? Start one below.
      </p>
      {failure && (
        <div className="notice" data-tone="error" role="alert">
          {failure}
        </div>
      )}
      <ServerExamples onUse={onAdd} />
      <StdioBridge onUse={onAdd} />
    </EmptyState>
  );
}
