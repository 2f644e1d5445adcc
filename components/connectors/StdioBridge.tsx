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
  const [open, setOpen] = useState(false);
  return (
    <section className="card stack first-run" aria-label="Bridge a stdio server">
      <button className="btn btn-link first-run-toggle" type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        <span aria-hidden="true">{open ? '▾ ' : '▸ '}</span>A stdio server? Put it on Streamable HTTP
      </button>
      {open && (
        <>
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
        </>
      )}
    </section>
  );
}
