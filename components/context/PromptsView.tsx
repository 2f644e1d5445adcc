import type { Prompt } from '@modelcontextprotocol/sdk/types.js';
import { lazy, Suspense, useState } from 'react';
import { ListPaging } from './ListPaging';
import { useOpenChat } from './open-chat';
import { usePagedList } from './usePagedList';
import './context.css';
import { McpIcon } from '../ui/McpIcon';

const UsePromptDialog = lazy(() => import('./UsePromptDialog'));

/** A connector's **Prompts** tab: each prompt with its title, description and arguments, and **Use**. */
export function PromptsView({ connectorId, connectorLabel }: { connectorId: string; connectorLabel: string }) {
  const list = usePagedList<Prompt>('prompts.list', connectorId, (page) => (page as { prompts: Prompt[] }).prompts, 'prompts-changed');
  const [using, setUsing] = useState<Prompt | null>(null);
  const openChat = useOpenChat();

  return (
    <section className="context-view" aria-label={`${connectorLabel} prompts`}>
      {list.items?.length === 0 && <p className="muted small">This server offers no prompts.</p>}
      {list.items && list.items.length > 0 && (
        <ul className="context-list">
          {list.items.map((prompt) => (
            <li key={prompt.name} className="context-row" aria-label={prompt.name}>
              <div className="context-row-text">
                <span className="context-row-name"><McpIcon connectorId={connectorId} icons={prompt.icons} />{prompt.name}</span>
                {prompt.title && prompt.title !== prompt.name && <span className="small">{prompt.title}</span>}
                {prompt.description && <span className="muted small">{prompt.description}</span>}
                {(prompt.arguments?.length ?? 0) > 0 && (
                  <span className="context-args small">
                    {prompt.arguments!.map((arg) => (
                      <code key={arg.name} title={arg.description}>
                        {arg.name}
                        {arg.required ? '*' : ''}
                      </code>
                    ))}
                  </span>
                )}
              </div>
              <button type="button" className="btn btn-small" onClick={() => setUsing(prompt)}>
                Use
              </button>
            </li>
          ))}
        </ul>
      )}
      <ListPaging list={list} noun="prompts" />
      {using && (
        <Suspense fallback={null}>
          <UsePromptDialog connectorId={connectorId} prompt={using} onClose={() => setUsing(null)} onInserted={openChat} />
        </Suspense>
      )}
    </section>
  );
}
