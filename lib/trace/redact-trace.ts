import type { TraceFile } from '../contract/trace-file';
import { REDACTED, redactDeep } from '../mcp/redaction/redact';
import { scrubDeep, urlSecrets } from '../mcp/redaction/url-credentials';

/**
 * Credentials by their shape in free text, where no key name or URL gives them away: an
 * `Authorization: Bearer …` quoted in an error or a result, an OpenAI-style or GitHub key, an AWS
 * access key id, a JWT.
 */
const SECRET_SHAPES_IN_TEXT: readonly [RegExp, string][] = [
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi, `$1 ${REDACTED}`],
  [/\b(sk|pk|rk)-[A-Za-z0-9_-]{12,}/g, REDACTED],
  [/\b(gh[pousr]_|github_pat_|glpat-|xox[abprs]-)[A-Za-z0-9_-]{8,}/g, REDACTED],
  [/\bAKIA[0-9A-Z]{16}\b/g, REDACTED],
  [/\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, REDACTED],
];

/** Known secrets shorter than this are not searched for on their own: they would match ordinary text. */
const MIN_KNOWN_SECRET = 6;

/**
 * A trace as it may leave the browser: values under credential-looking keys (`access_token`,
 * `Authorization`, `api_key`…), URL credentials (userinfo, `?code=`, `?api_key=`, `/token/…`),
 * every secret this Patchbay knows (the model's API key, connectors' tokens, headers and OAuth
 * tokens) wherever it appears, and credential-shaped strings in free text — all replaced.
 */
export function redactTrace(trace: TraceFile, knownSecrets: readonly string[]): TraceFile {
  const urls = trace.connectors.map((connector) => connector.url);
  const secrets = [...new Set([...knownSecrets, ...urls.flatMap(urlSecrets)])].filter((secret) => secret.length >= MIN_KNOWN_SECRET).sort((a, b) => b.length - a.length);
  const keyed = redactDeep(trace) as TraceFile;
  return scrubShapes(scrubDeep(keyed, secrets));
}

function scrubShapes<T>(value: T): T {
  const walk = (current: unknown): unknown => {
    if (typeof current === 'string') return SECRET_SHAPES_IN_TEXT.reduce((text, [shape, replacement]) => text.replace(shape, replacement), current);
    if (Array.isArray(current)) return current.map(walk);
    if (current && typeof current === 'object') return Object.fromEntries(Object.entries(current as Record<string, unknown>).map(([key, inner]) => [key, walk(inner)]));
    return current;
  };
  return walk(value) as T;
}
