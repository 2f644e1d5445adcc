import { EmptyState } from '../ui/EmptyState';

/** The connector list; until a server is added it explains what a connector is. */
export function ConnectorsScreen() {
  return (
    <EmptyState title="No connectors yet">
      <p>
        A connector is a remote MCP server whose tools the model may call. Patchbay reaches servers on the internet,
        your intranet and <code>localhost</code>, over Streamable HTTP or SSE.
      </p>
      <p>Each server’s traffic is recorded here request by request, so you can see exactly what it sent.</p>
    </EmptyState>
  );
}
