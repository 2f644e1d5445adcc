import type { AuthStep } from '../contract/auth-step';

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

/** Runs a guard; a refusal is reported as a failed `step` (so the debugger shows why), then thrown. */
export function checkReported(onStep: AuthStepListener | undefined, step: string, url: string, check: () => unknown): void {
  try {
    check();
  } catch (error) {
    onStep?.({ at: Date.now(), step, url, outcome: 'failed', detail: (error as Error).message });
    throw error;
  }
}
