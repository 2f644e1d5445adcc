import OpenAI from 'openai';
import { z } from 'zod';
import type { ProviderSettings } from '../contract/provider-settings';
import type { EndpointCheckResult, EndpointFailureCode } from '../contract/endpoint-check-result';
import { innermostMessage } from './innermost-message';
import { looksLikeOriginRejection } from './origin-rejection';

const ModelListSchema = z.object({ data: z.array(z.object({ id: z.string() })) });

const CHECK_TIMEOUT_MS = 15_000;

/**
 * Asks the endpoint for `/models` with the user's key and names exactly what is wrong: a bad key,
 * a host that does not answer, or a server that answers but does not speak the OpenAI API.
 */
export async function checkModelEndpoint(
  settings: ProviderSettings,
  fetchImpl: typeof fetch = fetch,
): Promise<EndpointCheckResult> {
  const client = new OpenAI({
    apiKey: settings.apiKey || 'no-key',
    baseURL: settings.baseUrl,
    fetch: fetchImpl,
    timeout: CHECK_TIMEOUT_MS,
    maxRetries: 0,
    // The key is the user's own and stays in the extension's background, never in a web page.
    dangerouslyAllowBrowser: true,
  });
  try {
    // The raw body, not `models.list()`: its Page turns any JSON without `data` into an empty list
    // (so `{}` would pass as "no models") and throws a TypeError on `null`.
    const { data: body, response } = await client.get<unknown>('/models').withResponse();
    if (!(response.headers.get('content-type') ?? '').includes('json')) {
      return failure('not-openai-compatible', `${settings.baseUrl}/models answered ${response.status} with ${response.headers.get('content-type') ?? 'no content type'}, not JSON.`, response.status);
    }
    const parsed = ModelListSchema.safeParse(body);
    if (!parsed.success) {
      return failure('not-openai-compatible', `${settings.baseUrl}/models answered, but not with an OpenAI model list ({ "data": [{ "id": … }] }).`, response.status);
    }
    const models = parsed.data.data.map((m) => m.id).sort();
    return { ok: true, models, modelFound: settings.model ? models.includes(settings.model) : null };
  } catch (error) {
    return classify(error, settings);
  }
}

function classify(error: unknown, settings: ProviderSettings): EndpointCheckResult {
  if (error instanceof OpenAI.APIConnectionTimeoutError) {
    return failure('timeout', `${settings.baseUrl} did not answer within ${CHECK_TIMEOUT_MS / 1000} s.`, null);
  }
  if (error instanceof OpenAI.APIConnectionError) {
    return failure('unreachable', `Could not reach ${settings.baseUrl}: ${innermostMessage(error)}. Check the Base URL and that the server is running.`, null);
  }
  if (error instanceof OpenAI.APIError && error.status !== undefined) {
    const status = error.status;
    if (status === 401) {
      const code = settings.apiKey ? 'bad-key' : 'no-key';
      return failure(code, settings.apiKey ? 'The endpoint rejected the API key (401). Paste a valid key.' : 'The endpoint needs an API key (401). Paste one in API key.', status);
    }
    if (looksLikeOriginRejection({ status, baseUrl: settings.baseUrl, errorBody: error.error })) {
      return failure('origin-rejected', `${new URL(settings.baseUrl).origin} refused the request (403) and gave no reason: local servers such as Ollama refuse a browser extension's Origin unless told to allow it.`, status);
    }
    if (status === 403) return failure('forbidden', 'The key is valid but may not list models here (403).', status);
    if (status === 404 || status === 405) {
      return failure('not-openai-compatible', `${settings.baseUrl}/models does not exist (${status}). OpenAI-compatible base URLs usually end in /v1.`, status);
    }
    if (status >= 500) return failure('server-error', `The endpoint failed with ${status}: ${error.message}`, status);
    return failure('not-openai-compatible', `Unexpected answer ${status}: ${error.message}`, status);
  }
  if (error instanceof SyntaxError) {
    return failure('not-openai-compatible', `${settings.baseUrl}/models did not answer with valid JSON.`, null);
  }
  throw error;
}

function failure(code: EndpointFailureCode, message: string, status: number | null): EndpointCheckResult {
  return { ok: false, code, message, status };
}
