import { isLocalNetworkHost } from '../contract/local-network-host';

/** Words a provider's own refusal of a key or an account uses; an Origin guard says none of them. */
const CREDENTIAL_WORDS = /key|auth|token|credential|permission|quota|billing|account|organi[sz]ation|region|country/i;

/**
 * Whether a 403 from a model endpoint is most likely its Origin guard rather than the key: the
 * server is on this machine or the local network, and its body is not a provider's error about
 * credentials. Ollama, for one, answers a bare 403 to `Origin: chrome-extension://…` unless
 * `OLLAMA_ORIGINS` allows it. A guess either way: the caller proves it with a probe without Origin.
 */
export function looksLikeOriginRejection(input: { status: number | null | undefined; baseUrl: string; errorBody: unknown }): boolean {
  if (input.status !== 403 || !URL.canParse(input.baseUrl)) return false;
  if (!isLocalNetworkHost(new URL(input.baseUrl).hostname)) return false;
  return !mentionsCredentials(input.errorBody);
}

function mentionsCredentials(body: unknown): boolean {
  if (body === null || body === undefined) return false;
  if (typeof body === 'string') return CREDENTIAL_WORDS.test(body);
  if (typeof body !== 'object') return false;
  const { code, type, message } = body as { code?: unknown; type?: unknown; message?: unknown };
  return [code, type, message].some((field) => typeof field === 'string' && CREDENTIAL_WORDS.test(field));
}
