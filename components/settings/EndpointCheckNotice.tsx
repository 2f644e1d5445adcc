import type { EndpointCheckResult, EndpointFailureCode } from '@/lib/contract/endpoint-check-result';
import { ModelChoiceList } from './ModelChoiceList';
import { OriginAdvice } from './OriginAdvice';

const FAILURE_TITLE: Record<EndpointFailureCode, string> = {
  'no-key': 'API key missing',
  'bad-key': 'API key rejected',
  forbidden: 'Access denied',
  'origin-rejected': 'The server refuses browser extensions',
  unreachable: 'Endpoint unreachable',
  timeout: 'Endpoint timed out',
  'not-openai-compatible': 'Not an OpenAI-compatible endpoint',
  'server-error': 'Endpoint error',
};

interface Props {
  result: EndpointCheckResult;
  model: string;
  baseUrl: string;
  onPick(model: string): void;
  busy: boolean;
}

/** The outcome of "Test": models found (each one a button that picks it) or why not. */
export function EndpointCheckNotice({ result, model, baseUrl, onPick, busy }: Props) {
  if (!result.ok) {
    return (
      <div className="notice" data-tone="error">
        <strong>{FAILURE_TITLE[result.code]}</strong>
        {result.message}
        {result.code === 'origin-rejected' && <OriginAdvice baseUrl={baseUrl} fixed={false} />}
      </div>
    );
  }
  // Against the Model as it is now, so picking one from the list clears the warning at once.
  const missing = model.trim() !== '' && !result.models.includes(model.trim());
  return (
    <div className="notice stack" data-tone={missing || result.originOmitted ? 'warn' : 'ok'}>
      <strong>
        Connected · {result.models.length} {result.models.length === 1 ? 'model' : 'models'}
      </strong>
      {result.originOmitted && <OriginAdvice baseUrl={baseUrl} fixed />}
      {missing && <span>The endpoint does not list “{model}”. Pick one below or check the Model name.</span>}
      <ModelChoiceList models={result.models} current={model} onPick={onPick} disabled={busy} />
    </div>
  );
}
