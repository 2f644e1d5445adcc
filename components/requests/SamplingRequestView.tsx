import type { CreateMessageRequestParams } from '@modelcontextprotocol/sdk/types.js';
import { messageViews, preferenceText } from '@/lib/contract/sampling-view';
import { SamplingMessages } from './SamplingMessages';

/**
 * What the server asks for, as it sent it: system prompt, messages, model preferences (wishes:
 * the person's own model answers), the limits, and the tools the model may ask the server to run.
 */
export function SamplingRequestView({ params, modelName }: { params: CreateMessageRequestParams; modelName: string | null }) {
  const preferences = preferenceText(params.modelPreferences);
  const tools = params.tools ?? [];
  return (
    <div className="sampling-request">
      {params.systemPrompt && (
        <div className="sampling-system">
          <span className="small muted">System prompt</span>
          <p className="sampling-text">{params.systemPrompt}</p>
        </div>
      )}
      <SamplingMessages messages={messageViews(params)} />
      <dl className="sampling-facts small">
        <dt>Model</dt>
        <dd>{modelName ? `${modelName} (your model in Settings)` : 'No model set in Settings'}</dd>
        {preferences && (
          <>
            <dt>Server prefers</dt>
            <dd>{preferences} — a wish only; Patchbay answers with your model</dd>
          </>
        )}
        <dt>Max tokens</dt>
        <dd>{params.maxTokens}</dd>
        {params.temperature !== undefined && (
          <>
            <dt>Temperature</dt>
            <dd>{params.temperature}</dd>
          </>
        )}
        {params.stopSequences && params.stopSequences.length > 0 && (
          <>
            <dt>Stop at</dt>
            <dd>{params.stopSequences.map((sequence) => JSON.stringify(sequence)).join(', ')}</dd>
          </>
        )}
        {tools.length > 0 && (
          <>
            <dt>Tools</dt>
            <dd>
              {tools.map((tool) => tool.name).join(', ')} (tool choice: {params.toolChoice?.mode ?? 'auto'}; the server runs them, never Patchbay)
            </dd>
          </>
        )}
      </dl>
    </div>
  );
}
