import { useRef, type KeyboardEvent } from 'react';
import './context.css';

/** What a connector item shows below its status: one tab each (UI contract). */
export type ConnectorView = 'tools' | 'prompts' | 'resources' | 'log' | 'auth';

/**
 * The connector's tabs (**Tools**, **Prompts**, **Resources**, **Protocol log**, and **Sign-in
 * steps** for OAuth), as WAI-ARIA tabs: one tab stop, arrow keys move between them.
 */
export function ConnectorViewTabs({ label, views, selected, onSelect }: { label: string; views: readonly { id: ConnectorView; label: string }[]; selected: ConnectorView; onSelect(view: ConnectorView): void }) {
  const refs = useRef(new Map<ConnectorView, HTMLButtonElement>());

  function onKeyDown(event: KeyboardEvent) {
    const index = views.findIndex((view) => view.id === selected);
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: views.length - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    const next = views[(moves[event.key]! + views.length) % views.length]!;
    onSelect(next.id);
    refs.current.get(next.id)?.focus();
  }

  return (
    <div className="connector-tabs" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
      {views.map((view) => (
        <button
          key={view.id}
          ref={(node) => void (node ? refs.current.set(view.id, node) : refs.current.delete(view.id))}
          type="button"
          role="tab"
          aria-selected={view.id === selected}
          tabIndex={view.id === selected ? 0 : -1}
          onClick={() => onSelect(view.id)}
        >
          {view.label}
        </button>
      ))}
    </div>
  );
}
