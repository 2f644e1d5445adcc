import { describe, expect, it } from 'vitest';
import { OAuthFlowError } from '../../../lib/auth/auth-errors';
import { codeFromAuthorizationResponse } from '../../../lib/auth/authorization-response';
import type { PendingAuthorization } from '../../../lib/auth/oauth-store';

const pending: PendingAuthorization = {
  authorizationUrl: 'https://auth.example/authorize?state=s1',
  state: 's1',
  codeVerifier: 'v',
  authorizationServerUrl: 'https://auth.example',
  metadataIssuer: 'https://auth.example',
  issRequired: false,
  createdAt: 0,
};

const response = (query: string) => new URL(`https://ext.example/oauth?${query}`);
const codeOf = (error: unknown) => (error as OAuthFlowError).code;

describe('codeFromAuthorizationResponse', () => {
  it('returns the code when state (and iss, if present) match', () => {
    expect(codeFromAuthorizationResponse(response('code=c&state=s1'), pending)).toBe('c');
    expect(codeFromAuthorizationResponse(response('code=c&state=s1&iss=https%3A%2F%2Fauth.example'), pending)).toBe('c');
  });

  it('refuses a different state', () => {
    expect(() => codeFromAuthorizationResponse(response('code=c&state=forged'), pending)).toThrow(OAuthFlowError);
    try {
      codeFromAuthorizationResponse(response('code=c&state=forged'), pending);
    } catch (error) {
      expect(codeOf(error)).toBe('state-mismatch');
    }
  });

  it('refuses a response without state', () => {
    expect(() => codeFromAuthorizationResponse(response('code=c'), pending)).toThrow(/state/);
  });

  it('refuses an iss naming another issuer (RFC 9207)', () => {
    expect(() => codeFromAuthorizationResponse(response('code=c&state=s1&iss=https%3A%2F%2Fevil.example'), pending)).toThrow(/issuer/);
  });

  it('without metadata (2025-03-26 fallback), checks iss against the authorization server origin', () => {
    const fallback = { ...pending, metadataIssuer: null, authorizationServerUrl: 'https://mcp.example/' };
    expect(codeFromAuthorizationResponse(response('code=c&state=s1&iss=https%3A%2F%2Fmcp.example'), fallback)).toBe('c');
    expect(codeFromAuthorizationResponse(response('code=c&state=s1'), fallback)).toBe('c');
    expect(() => codeFromAuthorizationResponse(response('code=c&state=s1&iss=https%3A%2F%2Fevil.example'), fallback)).toThrow(/issuer/);
  });

  it('refuses a missing iss when the server promises one', () => {
    expect(() => codeFromAuthorizationResponse(response('code=c&state=s1'), { ...pending, issRequired: true })).toThrow(/iss/);
  });

  it('reports the server error', () => {
    expect(() => codeFromAuthorizationResponse(response('error=access_denied&state=s1'), pending)).toThrow(/access_denied/);
  });

  it('refuses a response when no sign-in is in progress', () => {
    expect(() => codeFromAuthorizationResponse(response('code=c&state=s1'), null)).toThrow(OAuthFlowError);
  });
});
