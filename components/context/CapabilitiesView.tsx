import type { ServerCapabilities } from '@modelcontextprotocol/sdk/types.js';
import type { ConnectorRow } from '@/lib/db/rows';
import './context.css';

/** Instructions longer than this are cut on screen (the server's words, shown only as text). */
const INSTRUCTIONS_SHOWN = 8_000;

/**
 * What the server declared at the handshake: the negotiated protocol version, each capability
 * with its flags, and its `instructions` as plain text. Folded, so the connector stays compact.
 */
export function CapabilitiesView({ row }: { row: ConnectorRow }) {
  const capabilities = row.capabilities;
  const instructions = row.instructions ?? null;
  return (
    <details className="capabilities">
      <summary>Capabilities{row.protocolVersion ? ` · protocol ${row.protocolVersion}` : ''}</summary>
      <dl aria-label={`${row.label} capabilities`}>
        <dt>Protocol</dt>
        <dd>{row.protocolVersion ?? 'not negotiated yet'}</dd>
        {capabilities === null ? (
          <>
            <dt>Declared</dt>
            <dd>not known until it connects</dd>
          </>
        ) : (
          capabilityLines(capabilities).map(([name, detail]) => (
            <div key={name} style={{ display: 'contents' }}>
              <dt>{name}</dt>
              <dd>{detail}</dd>
            </div>
          ))
        )}
      </dl>
      {instructions && (
        <>
          <p className="small muted">Instructions from the server (its words, not Patchbay’s):</p>
          <p className="instructions" aria-label="Server instructions">
            {instructions.length > INSTRUCTIONS_SHOWN ? `${instructions.slice(0, INSTRUCTIONS_SHOWN)}… (${instructions.length} characters in all)` : instructions}
          </p>
        </>
      )}
    </details>
  );
}

/** One line per capability Patchbay knows, declared or not, with the flags that change what it can do. */
export function capabilityLines(capabilities: ServerCapabilities): [string, string][] {
  const flags = (value: Record<string, unknown> | undefined, names: string[]) => {
    if (!value) return 'no';
    const on = names.filter((name) => value[name] === true);
    return on.length > 0 ? `yes (${on.join(', ')})` : 'yes';
  };
  return [
    ['Tools', flags(capabilities.tools, ['listChanged'])],
    ['Prompts', flags(capabilities.prompts, ['listChanged'])],
    ['Resources', flags(capabilities.resources, ['subscribe', 'listChanged'])],
    ['Logging', capabilities.logging ? 'yes' : 'no'],
    ['Completions', capabilities.completions ? 'yes' : 'no'],
    ['Tasks', capabilities.tasks ? 'yes' : 'no'],
  ];
}
