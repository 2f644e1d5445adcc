/**
 * One step of an OAuth flow as the auth debugger shows it: which URL was asked, what came back,
 * what was decided — and when it failed, the precise reason.
 */
export interface AuthStep {
  /** Epoch milliseconds. */
  at: number;
  /** e.g. `protected-resource-metadata`, `authorization-server-metadata`, `client-registration`, `token`. */
  step: string;
  url?: string;
  status?: number;
  outcome: 'ok' | 'failed' | 'skipped';
  /** What came back / what was decided, or the precise reason it failed. */
  detail: string;
}

export type AuthStepListener = (step: AuthStep) => void;

/** Names the step an OAuth request belongs to from its URL and body, for the debugger. */
export function classifyAuthRequest(url: URL, body: unknown): string {
  const path = url.pathname;
  if (path.includes('/.well-known/oauth-protected-resource')) return 'protected-resource-metadata';
  if (path.includes('/.well-known/oauth-authorization-server') || path.includes('/.well-known/openid-configuration')) {
    return 'authorization-server-metadata';
  }
  const form = body instanceof URLSearchParams ? body : typeof body === 'string' ? new URLSearchParams(body) : null;
  const grant = form?.get('grant_type');
  if (grant === 'refresh_token') return 'token-refresh';
  if (grant) return 'token';
  if (form?.has('token') && /revoke|revocation/i.test(path)) return 'revocation';
  if (typeof body === 'string' && body.trimStart().startsWith('{')) return 'client-registration';
  return 'oauth-request';
}
