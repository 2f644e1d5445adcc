import { describe, expect, it } from 'vitest';
import { frameKindOf, frameMatches, isPartnerFrame, rpcRoleOf, stepMatch, type FrameFacts } from '@/lib/contract/protocol-frame-facts';

const rpc = (direction: 'out' | 'in', body: Record<string, unknown>, connectorId = 'a'): FrameFacts => ({
  connectorId,
  direction,
  method: typeof body.method === 'string' ? body.method : null,
  httpStatus: null,
  frame: { jsonrpc: '2.0', ...body },
});

describe('protocol frame facts: kind', () => {
  it('tells a JSON-RPC message from an HTTP exchange by its shape, not by a method a server named', () => {
    expect(frameKindOf(rpc('out', { id: 1, method: 'tools/list' }))).toBe('jsonrpc');
    expect(frameKindOf({ method: 'HTTP POST', frame: { request: { method: 'POST' }, response: { status: 200 } } })).toBe('http');
    // A hostile notification named like an exchange is still a JSON-RPC frame.
    expect(frameKindOf(rpc('in', { method: 'HTTP GET', params: { request: {} } }))).toBe('jsonrpc');
    expect(frameKindOf({ method: 'HTTP GET', frame: 'not an object' })).toBe('jsonrpc');
  });
});

describe('protocol frame facts: pairing', () => {
  const request = rpc('out', { id: 7, method: 'tools/call', params: {} });
  const response = rpc('in', { id: 7, result: { content: [] } });

  it('pairs a request with the answer of the same id from the other side, either way round', () => {
    expect(rpcRoleOf(request)).toEqual({ role: 'request', id: 7 });
    expect(rpcRoleOf(response)).toEqual({ role: 'response', id: 7 });
    expect(isPartnerFrame(request, response)).toBe(true);
    expect(isPartnerFrame(response, request)).toBe(true);
    expect(isPartnerFrame(request, rpc('in', { id: 7, error: { code: -1, message: 'no' } }))).toBe(true);
  });

  it('does not pair across ids, connectors, the same direction (each side numbers its own), or two requests', () => {
    expect(isPartnerFrame(request, rpc('in', { id: 8, result: {} }))).toBe(false);
    expect(isPartnerFrame(request, rpc('in', { id: '7', result: {} }))).toBe(false);
    expect(isPartnerFrame(request, rpc('in', { id: 7, result: {} }, 'b'))).toBe(false);
    expect(isPartnerFrame(request, rpc('out', { id: 7, result: {} }))).toBe(false);
    expect(isPartnerFrame(request, rpc('in', { id: 7, method: 'ping' }))).toBe(false);
  });

  it('gives notifications, HTTP exchanges and odd ids no role', () => {
    expect(rpcRoleOf(rpc('in', { method: 'notifications/message', params: {} }))).toBeNull();
    expect(rpcRoleOf({ method: 'HTTP POST', frame: { request: {}, response: {} } })).toBeNull();
    expect(rpcRoleOf(rpc('in', { id: { evil: true }, result: {} }))).toBeNull();
    expect(rpcRoleOf(rpc('in', { id: 3 }))).toBeNull();
  });
});

describe('protocol frame facts: search', () => {
  const frame = { method: 'tools/call', httpStatus: null, frame: { jsonrpc: '2.0', id: 1, result: { content: [{ type: 'text', text: 'Needle-0042 "quoted"' }] } } };

  it('finds text anywhere in the body, in the method and in the status, ignoring case', () => {
    expect(frameMatches(frame, 'needle-0042')).toBe(true);
    expect(frameMatches(frame, 'TOOLS/CALL')).toBe(true);
    expect(frameMatches({ method: 'HTTP POST', httpStatus: 404, frame: { request: {} } }, '404')).toBe(true);
    expect(frameMatches(frame, 'needle-0043')).toBe(false);
  });

  it('matches nothing for an empty query, and searches the stored JSON as the raw view shows it', () => {
    expect(frameMatches(frame, '   ')).toBe(false);
    expect(frameMatches(frame, '\\"quoted\\"')).toBe(true);
  });

  it('steps from match to match, wrapping around both ways', () => {
    const matches = [3, 10, 42];
    expect(stepMatch(matches, null, 'next')).toBe(3);
    expect(stepMatch(matches, null, 'previous')).toBe(42);
    expect(stepMatch(matches, 3, 'next')).toBe(10);
    expect(stepMatch(matches, 42, 'next')).toBe(3);
    expect(stepMatch(matches, 3, 'previous')).toBe(42);
    expect(stepMatch(matches, 11, 'previous')).toBe(10);
    expect(stepMatch([], 5, 'next')).toBeNull();
  });
});
