import type { Client } from '@modelcontextprotocol/sdk/client/index.js';

/**
 * Starts the client's JSON-RPC request ids from the clock (×1000, still a safe integer) instead of
 * 0. A session resumed after a worker restart may have the server replay the earlier worker's
 * responses (Last-Event-ID); with ids from 0 a replayed answer to the old worker's request 2 was
 * taken as the answer to the new worker's request 2 (a task's `tasks/get` got an old `tools/call`
 * answer). A later worker's ids start above any id an earlier one used, unless it sent more than
 * 1,000 requests a millisecond. The SDK (pinned) keeps the counter in `_requestMessageId`.
 */
export function withFreshRequestIds(client: Client, now = Date.now()): Client {
  const counter = client as unknown as { _requestMessageId: number };
  if (typeof counter._requestMessageId !== 'number') throw new Error('The MCP SDK no longer keeps _requestMessageId: review withFreshRequestIds.');
  counter._requestMessageId = now * 1_000;
  return client;
}
