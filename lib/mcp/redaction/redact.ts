/**
 * Header names whose values are credentials. `mcp-session-id` is one too: whoever holds it can
 * talk to the server as this client until the session ends.
 */
const SECRET_HEADERS = /^(authorization|proxy-authorization|cookie|set-cookie|x-api-key|api-key|mcp-session-id)$/i;
/** Object keys whose values are credentials, wherever they appear in a frame. */
const SECRET_KEYS = /(^|_|-)(token|secret|password|passwd|api[-_]?key|authorization|client[-_]?secret|refresh[-_]?token|access[-_]?token)$/i;

export const REDACTED = '[redacted]';

/** Headers as a plain object, credentials replaced; safe to store and export. */
export function redactHeaders(headers: Headers | Record<string, string> | undefined, extraSecrets: readonly string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  const entries = headers instanceof Headers ? [...headers.entries()] : Object.entries(headers ?? {});
  const extra = new Set(extraSecrets.map((h) => h.toLowerCase()));
  for (const [name, value] of entries) {
    out[name] = SECRET_HEADERS.test(name) || extra.has(name.toLowerCase()) ? REDACTED : value;
  }
  return out;
}

/** A deep copy with every credential-looking key's value replaced; for exports. */
export function redactDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactDeep);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, v]) => [
        key,
        isSecretName(key) ? REDACTED : redactDeep(v),
      ]),
    );
  }
  return value;
}

/** True for a key or parameter name that holds a credential (`api_key`, `accessToken`, `Authorization`). */
export function isSecretName(name: string): boolean {
  return SECRET_KEYS.test(splitCamelCase(name)) || SECRET_HEADERS.test(name);
}

/** `authToken` → `auth_Token`, so camelCase keys meet the same word boundaries as snake_case ones. */
function splitCamelCase(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1_$2');
}
