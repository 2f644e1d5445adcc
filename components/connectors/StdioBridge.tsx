import { useState } from 'react';
import { STDIO_BRIDGE_URL, stdioBridgeCommand } from '@/lib/contract/first-run-examples';
import type { ConnectorDraft } from '@/lib/contract/connector-draft';
import { Field } from '../ui/Field';
import { CommandLine } from './ServerExamples';

/**
 * A stdio-only server (most of the npm and PyPI ones): a browser cannot start processes, so the
 * server goes behind supergateway on Streamable HTTP. Type its command, copy the bridge command,
 * run it, then add the bridge's URL.
 */
export function StdioBridge({ onUse }: { onUse(preset: Partial<ConnectorDraft>): void }) {
  const [command, setCommand] = useState('npx -y @modelcontextprotocol/server-filesystem ~/Documents');
  return (
    <details className="card stack first-run">
      <summary>A stdio server? Put it on Streamable HTTP</summary>
      <Field label="Your stdio command" spellCheck={false} value={command} onChange={(event) => setCommand(event.target.value)} hint="What you would put in a desktop client’s config: command and arguments." />
      <span className="small muted">Run this in a terminal, and keep it running:</span>
      <CommandLine command={stdioBridgeCommand(command)} />
      <div className="row spread">
        <span className="small muted">
          Then add <code className="mono">{STDIO_BRIDGE_URL}</code>
        </span>
        <button className="btn btn-small" type="button" onClick={() => onUse({ label: 'Bridged stdio server', url: STDIO_BRIDGE_URL })}>
          Add it
        </button>
      </div>
    </details>
  );
}
