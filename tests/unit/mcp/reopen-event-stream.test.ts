import { StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { describe, expect, it } from 'vitest';
import { reopenEventStream, STREAM_CONFLICT_RETRY_MS } from '@/lib/mcp/transport/reopen-event-stream';

/** A transport whose GETs answer with the given statuses in turn (200 once they run out). */
function transportAnswering(...statuses: number[]) {
  const tokens: string[] = [];
  return {
    tokens,
    async resumeStream(token: string) {
      tokens.push(token);
      const status = statuses.shift();
      if (status !== undefined) throw new StreamableHTTPError(status, `Failed to open SSE stream: ${status}`);
    },
  };
}

describe('reopenEventStream', () => {
  it('resumes from the last event seen', async () => {
    const transport = transportAnswering();
    await reopenEventStream(transport, 'evt-7');
    expect(transport.tokens).toEqual(['evt-7']);
  });

  it('asks again, with growing waits, while the server still holds the old worker\'s stream (409)', async () => {
    const transport = transportAnswering(409, 409);
    const waits: number[] = [];
    await reopenEventStream(transport, 'evt-7', async (ms) => void waits.push(ms));
    expect(transport.tokens).toEqual(['evt-7', 'evt-7', 'evt-7']);
    expect(waits).toEqual([STREAM_CONFLICT_RETRY_MS[0], STREAM_CONFLICT_RETRY_MS[1]]);
  });

  it('gives up after the last wait rather than asking forever', async () => {
    const transport = transportAnswering(...Array(20).fill(409));
    await reopenEventStream(transport, null, async () => undefined);
    expect(transport.tokens).toHaveLength(STREAM_CONFLICT_RETRY_MS.length + 1);
  });

  it('opens a plain stream when the server no longer knows the event, and stops on anything else', async () => {
    const forgotten = transportAnswering(400);
    await reopenEventStream(forgotten, 'evt-7');
    expect(forgotten.tokens).toEqual(['evt-7', '']);
    const broken = transportAnswering(500, 500);
    await reopenEventStream(broken, null);
    expect(broken.tokens).toEqual(['']);
  });
});
