import { SERVER_EXAMPLES } from '@/lib/contract/first-run-examples';
import type { ConnectorDraft } from '@/lib/contract/connector-draft';
import { CopyCommandButton } from './CopyCommandButton';

/** Common servers to start with: each opens the form filled in, with the command for a local one. */
export function ServerExamples({ onUse }: { onUse(preset: Partial<ConnectorDraft>): void }) {
  return (
    <section className="stack first-run" aria-labelledby="server-examples-title">
      <h3 className="section-title" id="server-examples-title">
        Try one of these
      </h3>
      <ul className="first-run-list" aria-label="Example servers">
        {SERVER_EXAMPLES.map((example) => (
          <li key={example.url} className="card stack">
            <div className="row spread">
              <strong>{example.label}</strong>
              <button className="btn btn-small" type="button" onClick={() => onUse({ label: example.label.replace(/ \(.*\)$/, ''), url: example.url })} aria-label={`Use ${example.label}`}>
                Use
              </button>
            </div>
            <code className="mono first-run-url">{example.url}</code>
            <span className="small muted">{example.note}</span>
            {example.command && <CommandLine command={example.command} />}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A shell command on one line, with Copy. */
export function CommandLine({ command }: { command: string }) {
  return (
    <div className="row first-run-command">
      <code className="mono">{command}</code>
      <CopyCommandButton text={command} label="Copy command" />
    </div>
  );
}
