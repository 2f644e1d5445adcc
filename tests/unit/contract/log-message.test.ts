import { describe, expect, it } from 'vitest';
import { atLeast } from '@/lib/contract/log-level';
import { isLogAtLeast, logMessageOf } from '@/lib/contract/log-message';

const frame = (params: unknown, method = 'notifications/message') => ({ method, frame: { jsonrpc: '2.0', method, params } });

describe("a server's log message in the protocol log", () => {
  it('shows level, logger and a line of data', () => {
    expect(logMessageOf(frame({ level: 'warning', logger: 'db', data: { rows: 3 } }))).toEqual({ level: 'warning', logger: 'db', preview: '{"rows":3}' });
    expect(logMessageOf(frame({ level: 'info', data: 'plain text' }))).toEqual({ level: 'info', logger: null, preview: 'plain text' });
  });

  it('cuts long data and long logger names, and reads a frame that does not fit the spec as no log message', () => {
    const long = logMessageOf(frame({ level: 'debug', logger: 'l'.repeat(500), data: 'x'.repeat(10_000) }))!;
    expect(long.preview.length).toBeLessThanOrEqual(161);
    expect(long.logger).toHaveLength(80);
    expect(logMessageOf(frame({ level: 'shouting', data: 1 }))).toBeNull();
    expect(logMessageOf(frame(null))).toBeNull();
    expect(logMessageOf({ method: 'notifications/message', frame: 'garbage' })).toBeNull();
    expect(logMessageOf(frame({ level: 'error', data: 1 }, 'tools/call'))).toBeNull();
  });

  it('filters by "this level and above"', () => {
    expect(atLeast('error', 'warning')).toBe(true);
    expect(atLeast('info', 'warning')).toBe(false);
    expect(isLogAtLeast(frame({ level: 'critical', data: 'x' }), 'error')).toBe(true);
    expect(isLogAtLeast(frame({ level: 'notice', data: 'x' }), 'error')).toBe(false);
    expect(isLogAtLeast({ method: 'tools/list', frame: {} }, 'debug')).toBe(false);
  });
});
