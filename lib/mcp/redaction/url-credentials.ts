import { isSecretName, REDACTED } from './redact';
import { URL_IN_TEXT, urlsInText } from './urls-in-text';

/** Query and fragment parameters whose values are credentials (besides every secret-looking name). */
const CREDENTIAL_PARAMS = /^(key|apikey|auth|code|sig|signature|credentials?|session|sessionid|session[-_]?id|jwt|bearer|pass|pwd|access[-_]?key|x-amz-credential|x-amz-signature|x-amz-security-token)$/i;

/**
 * A path segment naming what the next segment is: `/token/<secret>/mcp`, `/api-key/<secret>`.
 * A next segment that is a plain lower-case word (`/auth/callback`) is a route, not a secret.
 */
const CREDENTIAL_SEGMENTS = /^(tokens?|keys?|api[-_]?keys?|apikeys?|secrets?|auth|bearer|access[-_]?tokens?|passwords?|sessions?)$/i;

/**
 * A path segment that is a credential by its shape: a known key prefix, or a long opaque string
 * with a digit and a letter past `f` (so hex hashes, commit ids and UUIDs stay readable).
 */
const CREDENTIAL_SHAPES = [
  /^(sk|pk|rk)[-_][A-Za-z0-9_-]{12,}$/,
  /^(gh[pousr]_|github_pat_|glpat-|xox[abprs]-)[A-Za-z0-9_-]{8,}$/,
  /^AKIA[0-9A-Z]{16}$/,
  /^(?=[A-Za-z0-9_-]*\d)(?=[A-Za-z0-9_-]*[g-zA-Z])[A-Za-z0-9_-]{32,}$/,
];

/** Fragments shorter than this are not searched for on their own: they would match ordinary text. */
const MIN_SECRET_LENGTH = 6;

const URL_PARTS = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)([^?#]*)(\?[^#]*)?(#.*)?$/i;

/**
 * `url` with its credentials replaced: userinfo (`user:pass@`), credential query and fragment
 * values (`?api_key=`, `#access_token=`), and credential path segments (`/token/<secret>`, an
 * `sk-…` key, a long opaque string). The rest is left exactly as written, so it still reads as
 * the same address. Text that is not an absolute URL comes back unchanged.
 */
export function redactUrl(url: string): string {
  const parts = URL_PARTS.exec(url);
  if (!parts) return url;
  const [, scheme, authority = '', path = '', query = '', fragment = ''] = parts;
  const at = authority.lastIndexOf('@');
  const host = at === -1 ? authority : `${REDACTED}@${authority.slice(at + 1)}`;
  return `${scheme}${host}${redactPath(path)}${redactParams(query)}${redactParams(fragment)}`;
}

/** Every absolute URL in `text` through {@link redactUrl}; everything else untouched. */
export function redactUrlsInText(text: string): string {
  if (!text.includes('://')) return text;
  return text.replace(URL_IN_TEXT, (match) => {
    const { url, trail } = splitTrail(match);
    return redactUrl(url) + trail;
  });
}

/** A URL found in text, without the punctuation that ends its sentence. */
function splitTrail(match: string): { url: string; trail: string } {
  const trail = /[.,;:!?)\]}]+$/.exec(match)?.[0] ?? '';
  return { url: trail ? match.slice(0, -trail.length) : match, trail };
}

/**
 * The credential fragments of one URL (what {@link redactUrl} hides), raw and percent-decoded,
 * so they can be found wherever they turn up without their URL: an error quoting a path, a
 * server echoing a query value.
 */
export function urlSecrets(url: string): string[] {
  const parts = URL_PARTS.exec(url);
  if (!parts) return [];
  const [, , authority = '', path = '', query = '', fragment = ''] = parts;
  const found: string[] = [];
  const at = authority.lastIndexOf('@');
  if (at !== -1) found.push(...authority.slice(0, at).split(':'));
  const segments = path.split('/');
  segments.forEach((segment, index) => {
    if (isCredentialSegment(segment, segments[index - 1])) found.push(segment);
  });
  for (const [name, value] of params(query).concat(params(fragment))) if (isCredentialParam(name)) found.push(value);
  const decoded = found.flatMap((value) => [value, safeDecode(value)]);
  return [...new Set(decoded)].filter((value) => value.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
}

/** `text` with URLs redacted and every one of `secrets` replaced, wherever it appears. */
export function scrubText(text: string, secrets: readonly string[] = []): string {
  let out = redactUrlsInText(text);
  for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  return out;
}

/** True when {@link scrubText} would change `text`: lets a caller skip copying what is clean. */
export function needsScrub(text: string, secrets: readonly string[] = []): boolean {
  if (secrets.some((secret) => text.includes(secret))) return true;
  if (!text.includes('://')) return false;
  // The same answer as comparing `redactUrlsInText(text)` with `text`, without building the copy,
  // and each distinct URL checked once: a tool list names its schema dialect's URL in every tool.
  const checked = new Set<string>();
  for (const found of urlsInText(text)) {
    const { url } = splitTrail(found);
    if (checked.has(url)) continue;
    checked.add(url);
    if (redactUrl(url) !== url) return true;
  }
  return false;
}

/** A copy of `value` with every string (keys included) through {@link scrubText}. */
export function scrubDeep<T>(value: T, secrets: readonly string[] = []): T {
  const walk = (current: unknown): unknown => {
    if (typeof current === 'string') return scrubText(current, secrets);
    if (Array.isArray(current)) return current.map(walk);
    if (current && typeof current === 'object') {
      return Object.fromEntries(Object.entries(current as Record<string, unknown>).map(([key, inner]) => [scrubText(key, secrets), walk(inner)]));
    }
    return current;
  };
  return walk(value) as T;
}

/** `error` with its message scrubbed in place (its code and class stay, so callers still classify it). */
export function scrubError<T>(error: T, secrets: readonly string[] = []): T {
  if (error instanceof Error) {
    const clean = scrubText(error.message, secrets);
    // An own property: some errors (DOMException) only have a read-only `message` getter.
    if (clean !== error.message) Object.defineProperty(error, 'message', { value: clean, configurable: true, writable: true });
  }
  return error;
}

/** `work`, whose failure leaves without the credentials of `url` (its text reaches the UI, the model and exports). */
export function withoutUrlSecrets<T>(work: Promise<T>, url: string): Promise<T> {
  return work.catch((error: unknown) => {
    throw scrubError(error, urlSecrets(url));
  });
}

function redactPath(path: string): string {
  const segments = path.split('/');
  return segments.map((segment, index) => (isCredentialSegment(segment, segments[index - 1]) ? REDACTED : segment)).join('/');
}

function isCredentialSegment(segment: string, previous: string | undefined): boolean {
  if (segment === '') return false;
  if (previous !== undefined && CREDENTIAL_SEGMENTS.test(safeDecode(previous)) && !/^[a-z]+$/.test(segment)) return true;
  return CREDENTIAL_SHAPES.some((shape) => shape.test(safeDecode(segment)));
}

function redactParams(part: string): string {
  if (part.length < 2) return part;
  return part[0] + part.slice(1).split(/([&;])/).map((piece) => {
    const eq = piece.indexOf('=');
    if (eq <= 0 || eq === piece.length - 1) return piece;
    return isCredentialParam(piece.slice(0, eq)) ? `${piece.slice(0, eq)}=${REDACTED}` : piece;
  }).join('');
}

function params(part: string): Array<[string, string]> {
  if (part.length < 2) return [];
  return part.slice(1).split(/[&;]/).flatMap((piece): Array<[string, string]> => {
    const eq = piece.indexOf('=');
    return eq > 0 && eq < piece.length - 1 ? [[piece.slice(0, eq), piece.slice(eq + 1)]] : [];
  });
}

function isCredentialParam(rawName: string): boolean {
  const name = safeDecode(rawName);
  return CREDENTIAL_PARAMS.test(name) || isSecretName(name);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}
