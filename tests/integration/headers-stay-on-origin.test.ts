import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTransport, type WireProtocol } from '@/lib/mcp/transport/create-transport';
import { startPolicyServer, type PolicyServer } from '../fixtures/mcp-servers/policy-server';

const SECRET = 'live-header-key-0003';

/** A real HTTP server on 127.0.0.1 that answers every request with `answer` and keeps the headers it saw. */
async function startRecorder(answer: (url: string) => { status: number; location?: string }) {
  const seen: IncomingHttpHeaders[] = [];
  const server: Server = createServer((req, res) => {
    seen.push(req.headers);
    const { status, location } = answer(req.url ?? '/');
    res.writeHead(status, location ? { location } : {});
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, seen, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const connect = (url: string, protocol: WireProtocol) =>
  new Client({ name: 'test', version: '1' }).connect(
    createTransport(protocol, { url, fetch: (input, init) => fetch(input, init), headers: { 'X-Api-Key': SECRET } }),
  );

// Fetch drops only `Authorization` on a cross-origin redirect: a custom header would follow it.
// The SDK's transports follow redirects only within the origin (`redirectPolicy: 'same-origin'`,
// their default): these tests keep Patchbay on that default, through its own transport factory.
describe("a connector's own headers across redirects", () => {
  let elsewhere: Awaited<ReturnType<typeof startRecorder>>;
  let policy: PolicyServer;

  beforeEach(async () => {
    elsewhere = await startRecorder(() => ({ status: 500 }));
    policy = await startPolicyServer();
  });
  afterEach(async () => {
    await elsewhere.close();
    await policy.close();
  });

  it.each(['streamable-http', 'sse'] as const)('never reach another origin over %s: the redirect is refused, its target named without the query', async (protocol) => {
    const redirector = await startRecorder(() => ({ status: 307, location: `${elsewhere.url}/mcp?k=${SECRET}` }));
    try {
      const error: unknown = await connect(`${redirector.url}/mcp`, protocol).catch((e: unknown) => e);
      expect(String(error)).toMatch(/Redirect to http:\/\/127\.0\.0\.1:\d+\/mcp not followed/);
      expect(String(error)).not.toContain(SECRET);
      expect(redirector.seen[0]?.['x-api-key']).toBe(SECRET);
      expect(elsewhere.seen).toEqual([]);
    } finally {
      await redirector.close();
    }
  });

  it('still follow a redirect within the origin they were given for', async () => {
    const client = new Client({ name: 'test', version: '1' });
    await client.connect(createTransport('streamable-http', { url: policy.url, fetch: sameOriginHop(policy.url), headers: { 'X-Api-Key': SECRET } }));
    expect((await client.listTools()).tools.length).toBeGreaterThan(0);
    await client.close();
  });
});

/** A fetch whose first hop to `target` is answered by a same-origin 307 to `target` itself, as a moved endpoint would. */
function sameOriginHop(target: string) {
  let redirected = false;
  return async (input: string | URL, init?: RequestInit): Promise<Response> => {
    if (!redirected && init?.redirect === 'manual') {
      redirected = true;
      return new Response(null, { status: 307, headers: { location: new URL(target).pathname } });
    }
    return fetch(input, init);
  };
}
