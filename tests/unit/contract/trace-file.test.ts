import { describe, expect, it } from 'vitest';
import { MAX_TRACE_BYTES, parseTraceFile, TraceFileError, type TraceFile } from '@/lib/contract/trace-file';

const valid: TraceFile = {
  format: 'patchbay.trace',
  version: 1,
  exportedAt: 3,
  conversation: { title: 'T', createdAt: 1, updatedAt: 2, model: null },
  messages: [{ role: 'user', at: 1, text: 'hi', callIds: [] }],
  calls: [{ callId: 'c1', connectorId: 'k', toolName: 't', argsText: '{}', status: 'complete' }],
  frames: [{ connectorId: 'k', at: 1, direction: 'out', method: 'tools/call', httpStatus: null, durationMs: null, sizeBytes: 2, frame: {} }],
  connectors: [{ id: 'k', label: 'K', url: 'http://x/mcp', tools: [{ name: 't', inputSchema: { type: 'object' } }] }],
};

function refusal(text: string): string {
  try {
    parseTraceFile(text);
  } catch (error) {
    expect(error).toBeInstanceOf(TraceFileError);
    expect(error).toMatchObject({ code: 'invalid-trace' });
    return (error as Error).message;
  }
  throw new Error('parsed');
}

describe('the trace file format', () => {
  it('reads a valid trace, keeping tool definitions as data', () => {
    expect(parseTraceFile(JSON.stringify(valid))).toEqual(valid);
  });

  it('refuses corrupt files with a clear reason', () => {
    expect(refusal('{"format": "patchbay.trace", ')).toMatch(/^The file is not JSON/);
    expect(refusal('[]')).toMatch(/not a Patchbay trace/);
    expect(refusal(JSON.stringify({ format: 'patchbay.conversation', version: 1 }))).toMatch(/not a Patchbay trace/);
    expect(refusal(JSON.stringify({ ...valid, version: 2 }))).toMatch(/Unsupported trace version 2; this Patchbay reads version 1/);
    expect(refusal(JSON.stringify({ ...valid, messages: [{ role: 'system', at: 1, text: 1, callIds: [] }] }))).toMatch(/^The trace is malformed: messages\.0\.role: .*; messages\.0\.text/);
    expect(refusal(JSON.stringify({ ...valid, frames: [{ ...valid.frames[0], direction: 'sideways' }] }))).toMatch(/frames\.0\.direction/);
    expect(refusal(' '.repeat(MAX_TRACE_BYTES + 1))).toMatch(/larger than the 20 MB/);
  });
});
