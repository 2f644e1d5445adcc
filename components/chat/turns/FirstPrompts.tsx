import type { ChatConnector } from '@/lib/db/chat-connectors';
import { composerDraft } from '../composer-draft';
import { firstPrompts } from './first-prompts';

/** Chips under a new conversation's hint: each puts a first prompt built from a read-only tool into Message. */
export default function FirstPrompts({ connectors }: { connectors: readonly ChatConnector[] }) {
  const prompts = firstPrompts(connectors);
  if (prompts.length === 0) return null;
  return (
    <div className="stack first-prompts">
      <span className="small muted">A first prompt, from your connectors’ read-only tools:</span>
      <ul className="row first-prompt-chips" aria-label="Suggested prompts">
        {prompts.map((prompt) => (
          <li key={prompt.key}>
            <button className="btn btn-small" type="button" title={prompt.text} onClick={() => composerDraft.setText(prompt.text)}>
              {prompt.label}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
