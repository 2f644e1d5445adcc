import { describe, expect, it } from 'vitest';
import type { ProtocolFrameRow } from '@/lib/db/rows';
import { exportProtocolLog } from '@/lib/mcp/protocol-log-export';

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
});
