import type { ProviderSettings } from '../contract/provider-settings';

const PROBE_TIMEOUT_MS = 5_000;

/** What the chat endpoint answered to an empty request: enough to tell an Origin guard from the rest. */
export interface GuardAnswer {
  status: number;
  /** The `error` field of a JSON body (as the openai SDK reads it), else the text. */
  errorBody: unknown;
}

/**
 * Posts `{}` to `/chat/completions`. Browsers add `Origin` to a POST from the extension but not to
 * the GET that lists models, so a server guarding against extensions (Ollama without
 * OLLAMA_ORIGINS) passes the list and refuses every chat. An empty body costs no tokens: a server
 * that lets it through answers 400 for the missing model. `null` when it cannot be reached.
 */
export async function probeOriginGuard(settings: ProviderSettings, fetchImpl: typeof fetch = fetch): Promise<GuardAnswer | null> {
  try {
    const response = await fetchImpl(`${settings.baseUrl}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(settings.apiKey ? { authorization: `Bearer ${settings.apiKey}` } : {}) },
      body: '{}',
      signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
    });
    const text = await response.text();
    return { status: response.status, errorBody: errorOf(text) };
  } catch {
    return null;
  }
}

function errorOf(text: string): unknown {
  try {
    const body = JSON.parse(text) as { error?: unknown } | null;
    return body && typeof body === 'object' && 'error' in body ? body.error : text;
  } catch {
    return text;
  }
}
