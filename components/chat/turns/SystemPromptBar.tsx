import { lazy, Suspense, useState } from 'react';
import './turns.css';

// The editor (and its form) loads on first use: the Chat tab is the panel's first screen.
const SystemPromptEditor = lazy(() => import('./SystemPromptEditor'));

interface Props {
  /** The stored prompt of the conversation shown, or undefined for none (or a new conversation). */
  prompt: string | undefined;
  /** Saves it, creating the conversation first when none is selected; resolves false when refused. */
  onSave(prompt: string): Promise<boolean>;
}

/** One line under the conversation title: the system prompt's first words, and a button to edit it. */
export function SystemPromptBar({ prompt, onSave }: Props) {
  const [editing, setEditing] = useState(false);
  return (
    <div className="system-prompt-bar">
      <div className="row system-prompt-line">
        <button className="btn btn-small" type="button" aria-expanded={editing} onClick={() => setEditing(!editing)}>
          System prompt
        </button>
        <span className="small muted system-prompt-summary" title={prompt}>
          {prompt ? prompt : 'None'}
        </span>
      </div>
      {editing && (
        <Suspense fallback={<p className="small muted">Opening the editor…</p>}>
          <SystemPromptEditor
            initial={prompt ?? ''}
            onCancel={() => setEditing(false)}
            onSave={async (text) => {
              if (await onSave(text)) setEditing(false);
            }}
          />
        </Suspense>
      )}
    </div>
  );
}
