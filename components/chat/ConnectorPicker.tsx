import type { ChatConnector } from '@/lib/db/chat-connectors';

/** The connectors whose tools the model may call in this conversation: one checkbox each. */
export function ConnectorPicker({
  connectors,
  selected,
  onChange,
  disabled,
}: {
  connectors: readonly ChatConnector[];
  selected: readonly string[];
  onChange(ids: string[]): void;
  disabled?: boolean;
}) {
  function toggle(id: string, on: boolean) {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    // Keep the connectors' own order, so the stored list does not depend on click order.
    onChange(connectors.filter((c) => next.has(c.id)).map((c) => c.id));
  }

  return (
    <fieldset className="plain connector-picker" role="group" aria-label="Connectors">
      <span className="picker-caption small muted" aria-hidden="true">
        Tools from
      </span>
      {connectors.map((connector) => (
        <label key={connector.id} className="chip">
          <input
            type="checkbox"
            checked={selected.includes(connector.id)}
            disabled={disabled}
            onChange={(event) => toggle(connector.id, event.target.checked)}
          />
          {connector.label}
        </label>
      ))}
    </fieldset>
  );
}
