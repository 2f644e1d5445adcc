import type { ConnectorRow } from '@/lib/db/rows';
import { ApprovalCard } from '../approvals/ApprovalCard';
import type { AppPrompt, HeldCall } from './app-requests';

type ApprovalProps = Parameters<typeof ApprovalCard>[0];

/** The held call as the approval card's parts: the same card, fields and buttons as the model's calls. */
function cardParts(held: HeldCall, connectorId: string): Pick<ApprovalProps, 'call' | 'approval'> {
  const pending = { type: 'requires-action' } as const;
  return {
    call: { id: held.appCallId, type: 'tool-call', status: pending, callId: held.appCallId, connectorId, toolName: held.tool.name, argsText: JSON.stringify(held.args), args: held.args },
    approval: { id: `${held.appCallId}-approval`, type: 'approval', status: pending, callId: held.appCallId, decision: 'pending', remembered: false, ask: held.ask, shownTool: held.tool },
  };
}

/**
 * What the app asked for that waits on the person, each said to come from the app: a write call
 * (the approval card), a link (the full URL, opened only by **Open**), a message for the chat.
 */
export function AppPrompts({ prompts, appName, connector }: { prompts: readonly AppPrompt[]; appName: string; connector: ConnectorRow | undefined }) {
  return (
    <>
      {prompts.map((prompt, index) => {
        switch (prompt.type) {
          case 'call':
            return (
              <div key={prompt.call.appCallId} className="stack app-prompt">
                <p className="small muted">The {appName} app asks to run a tool:</p>
                <ApprovalCard {...cardParts(prompt.call, connector?.id ?? '')} connector={connector} onDecide={prompt.answer} />
              </div>
            );
          case 'link':
            return (
              <section key={`link-${index}`} className="notice stack app-prompt" aria-label={`Link from the ${appName} app`}>
                <p className="small">The {appName} app asks to open this link:</p>
                <p className="app-link-url">{prompt.url}</p>
                <p className="small muted">Domain: {new URL(prompt.url).host}</p>
                <div className="row">
                  <button type="button" className="btn btn-primary" onClick={() => prompt.answer(true)}>Open</button>
                  <button type="button" className="btn" onClick={() => prompt.answer(false)}>Dismiss</button>
                </div>
              </section>
            );
          case 'message':
            return (
              <section key={`message-${index}`} className="notice stack app-prompt" aria-label={`${prompt.kind === 'message' ? 'Message' : 'Context'} from the ${appName} app`}>
                <p className="small">
                  {prompt.kind === 'message'
                    ? `The ${appName} app asks to add this to the chat, as its own words:`
                    : `The ${appName} app asks to give the model this context for its next answer, as its own words:`}
                </p>
                <blockquote className="app-message-text">{prompt.text}</blockquote>
                <div className="row">
                  <button type="button" className="btn btn-primary" onClick={() => void prompt.answer(true)}>Add to chat</button>
                  <button type="button" className="btn" onClick={() => void prompt.answer(false)}>Dismiss</button>
                </div>
              </section>
            );
        }
      })}
    </>
  );
}
