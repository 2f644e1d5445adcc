import { useState } from 'react';
import type { PanelTab } from '../app/tabs';
import { EmptyState } from '../ui/EmptyState';
import { OpenTraceButton } from './OpenTraceButton';

interface Step {
  done: boolean;
  title: string;
  detail: string;
  action: { label: string; tab: PanelTab };
}

/** Until a model and a connector are set up, the chat says what is missing and where to fix it. */
export function ChatSetup({ model, connectorCount, onNavigate, onOpenTrace }: { model: string; connectorCount: number; onNavigate(tab: PanelTab): void; onOpenTrace(fileName: string, text: string): void }) {
  const [traceFailure, setTraceFailure] = useState<string | null>(null);
  const steps: Step[] = [
    {
      done: model !== '',
      title: model ? `Model: ${model}` : 'Choose a model',
      detail: 'Any OpenAI-compatible endpoint, local or remote; Settings has presets for OpenAI, Azure, OpenRouter, Ollama, LM Studio and vLLM.',
      action: { label: 'Open Settings', tab: 'settings' },
    },
    {
      done: connectorCount > 0,
      title: connectorCount ? `${connectorCount} connector${connectorCount === 1 ? '' : 's'}` : 'Add a connector',
      detail: 'An MCP server over Streamable HTTP or SSE, including localhost; Connectors lists examples, and the bridge for stdio servers.',
      action: { label: 'Open Connectors', tab: 'connectors' },
    },
  ];

  return (
    <EmptyState title="Chat with your MCP tools">
      <p>Ask a model to use the tools of the servers you pick. Every write action waits for your approval, with its full JSON input.</p>
      <ol className="checklist">
        {steps.map((step) => (
          <li key={step.action.tab}>
            <span className="state" data-done={step.done} aria-hidden="true">
              {step.done ? '✓' : ''}
            </span>
            <span className="label">
              {step.title}
              <small>{step.detail}</small>
            </span>
            <button className="btn btn-link" type="button" onClick={() => onNavigate(step.action.tab)}>
              {step.action.label}
            </button>
          </li>
        ))}
      </ol>
      <p className="row small muted setup-trace">
        Sent a trace of a conversation? <OpenTraceButton onOpen={onOpenTrace} onFailed={setTraceFailure} />
      </p>
      {traceFailure && (
        <div className="notice" data-tone="error" role="alert">
          {traceFailure}
        </div>
      )}
    </EmptyState>
  );
}
