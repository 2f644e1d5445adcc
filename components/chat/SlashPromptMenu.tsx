import type { SlashPrompt } from './useSlashPrompts';

/** The `/` menu above the Message box: the conversation's prompts as options, the active one marked. */
export function SlashPromptMenu({ id, matches, active, loading, onPick }: { id: string; matches: readonly SlashPrompt[]; active: number; loading: boolean; onPick(choice: SlashPrompt): void }) {
  if (loading) return <p className="muted small" aria-busy="true">Loading prompts…</p>;
  if (matches.length === 0) return <p className="muted small">No prompt matches. The connectors ticked below offer the prompts listed here.</p>;
  return (
    <ul className="prompt-menu" role="listbox" id={id} aria-label="Prompts">
      {matches.map((choice, index) => (
        <li
          key={`${choice.connectorId}/${choice.prompt.name}`}
          id={`${id}-${index}`}
          role="option"
          aria-selected={index === active}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onPick(choice)}
        >
          <span className="prompt-menu-name">/{choice.prompt.name}</span>
          <span className="prompt-menu-detail">
            {choice.connectorLabel}
            {choice.prompt.description ? ` · ${choice.prompt.description}` : ''}
          </span>
        </li>
      ))}
    </ul>
  );
}
