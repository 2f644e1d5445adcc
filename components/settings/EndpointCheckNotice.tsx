import type { EndpointCheckResult, EndpointFailureCode } from '@/lib/contract/endpoint-check-result';

const FAILURE_TITLE: Record<EndpointFailureCode, string> = {
  'no-key': 'API key missing',
  'bad-key': 'API key rejected',
  forbidden: 'Access denied',
  unreachable: 'Endpoint unreachable',
  timeout: 'Endpoint timed out',
  'not-openai-compatible': 'Not an OpenAI-compatible endpoint',
  'server-error': 'Endpoint error',
};

/** The outcome of "Test": models found (and whether the chosen one is among them) or why not. */
export function EndpointCheckNotice({ result, model }: { result: EndpointCheckResult; model: string }) {
  if (!result.ok) {
    return (
      <div className="notice" data-tone="error">
        <strong>{FAILURE_TITLE[result.code]}</strong>
        {result.message}
      </div>
    );
  }
  const missing = result.modelFound === false;
  return (
    <div className="notice" data-tone={missing ? 'warn' : 'ok'}>
      <strong>
        Connected · {result.models.length} {result.models.length === 1 ? 'model' : 'models'}
      </strong>
      {missing && <span>The endpoint does not list “{model}”. Check the Model name.</span>}
      <ul className="model-list" aria-label="Available models">
        {result.models.slice(0, 200).map((id) => (
          <li key={id}>{id}</li>
        ))}
      </ul>
    </div>
  );
}
