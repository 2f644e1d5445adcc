import { describe, expect, it } from 'vitest';
import type { ProtocolFrameRow } from '@/lib/db/rows';
import { exportProtocolLog } from '@/lib/mcp/protocol-log/protocol-log-export';

const frame = (at: number, body: unknown): ProtocolFrameRow => ({
  id: at,
  connectorId: 'k',
  at,
  direction: 'out',
  method: 'tools/call',
  httpStatus: null,
  durationMs: null,
  sizeBytes: 10,
  frame: body,
});

describe('exportProtocolLog', () => {
  it('keeps the frames and counts, and redacts every credential it can recognise', () => {
    const json = exportProtocolLog(
      'Acme',
      { connectorId: 'k', total: 12, dropped: 10 },
      [
        frame(1, { request: { headers: { Authorization: 'Bearer live-secret-1', 'x-trace': 'ok' } } }),
        frame(2, { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { arguments: { apiKey: 'live-secret-2', access_token: 'live-secret-3', city: 'Oslo' } } }),
      ],
      Date.UTC(2026, 0, 1),
    );
    expect(json).not.toMatch(/live-secret/);
    const parsed = JSON.parse(json);
    expect(parsed).toMatchObject({ format: 'patchbay-protocol-log/1', connector: 'Acme', recorded: 12, dropped: 10, exportedAt: '2026-01-01T00:00:00.000Z' });
    expect(parsed.frames).toHaveLength(2);
    expect(parsed.frames[0].frame.request.headers['x-trace']).toBe('ok');
    expect(parsed.frames[1].frame.params.arguments.city).toBe('Oslo');
    expect(parsed.frames[0]).not.toHaveProperty('connectorId');
  });

  it('redacts URL credentials and session ids in frames recorded before the recorder hid them', () => {
    const json = exportProtocolLog('Acme', { connectorId: 'k', total: 2, dropped: 0 }, [
      frame(1, { request: { method: 'POST', url: 'https://mcp.example/token/live-path-1/mcp?api_key=live-key-2', headers: { 'mcp-session-id': 'live-session-3' } } }),
      frame(2, { request: { url: 'https://bob:live-pass-4@mcp.example/mcp' }, error: 'fetch failed: https://mcp.example/mcp?token=live-token-5' }),
    ]);
    expect(json).not.toMatch(/live-/);
    expect(JSON.parse(json).frames[0].frame.request.url).toBe('https://mcp.example/token/[redacted]/mcp?api_key=[redacted]');
  });
});
