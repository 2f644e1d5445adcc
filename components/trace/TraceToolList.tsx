import type { TraceFile } from '@/lib/contract/trace-file';
import { jsonText } from './trace-text';

/** The connectors' tool definitions as exported: names and descriptions as text, the rest as JSON. */
export function TraceToolList({ connectors }: { connectors: TraceFile['connectors'] }) {
  return (
    <section className="stack" aria-label="Tool definitions">
      <h3 className="section-title">Tool definitions</h3>
      {connectors.length === 0 && <p className="muted small">No connector was used.</p>}
      {connectors.map((connector) => (
        <div key={connector.id} className="trace-connector stack">
          <div>
            <strong>{connector.label}</strong> <span className="small muted trace-url">{connector.url}</span>
          </div>
          <ul className="trace-tools">
            {connector.tools.map((tool, index) => (
              <li key={index}>
                <details>
                  <summary>
                    <code>{tool.name}</code>
                  </summary>
                  {typeof tool.description === 'string' && <p className="trace-text small">{tool.description}</p>}
                  <pre className="trace-pre">{jsonText(tool)}</pre>
                </details>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
