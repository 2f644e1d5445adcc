import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { type AuthorizedRequester, authorizedRequester } from '../../lib/auth/with-authorization-retry';
import { acceptElicitationWithDefaults } from './accept-elicitation-with-defaults';
import { createMcpClient } from '../../lib/mcp/session/create-mcp-client';
import { listAllTools } from '../../lib/mcp/catalog/list-all-tools';
import { openConnection } from '../../lib/mcp/transport/open-connection';
import { WireRecorder } from '../../lib/mcp/protocol-log/wire-recorder';
import type { ConformanceScenario } from './conformance-runner';
import { scenarioAuth } from './scenario-auth';

/** What the suite hands the client: the scenario's server and its `MCP_CONFORMANCE_CONTEXT`, if any. */
export interface ScenarioInput {
  serverUrl: string;
  /** Scenario data such as client credentials; absent for the non-auth scenarios. */
  context: Record<string, unknown> | null;
}

/** What the client does once connected; connecting and closing are the same for every scenario. */
type ScenarioRun = (client: Client, input: ScenarioInput, authorized: AuthorizedRequester) => Promise<void>;

/**
 * Every auth scenario: connect (signing in when `initialize` gets a 401), list the tools and call
 * `test-tool` — the suite's servers ask for more scope on either, and the retry lives in lib/auth.
 */
const authScenario: ScenarioRun = async (client, _input, authorized) => {
  const tools = await authorized(() => listAllTools(client));
  if (!tools.some((tool) => tool.name === 'test-tool')) return;
  await authorized(() => client.callTool({ name: 'test-tool', arguments: {} }));
};

/** One run per scenario the runner lists, so a scenario added there without one fails to compile. */
const SCENARIO_RUNS: Record<ConformanceScenario, ScenarioRun> = {
  // The suite checks the `initialize` request; listing tools proves the session works after it.
  initialize: async (client) => {
    await listAllTools(client);
  },
  tools_call: async (client) => {
    const text = await callListedTool(client, 'add_numbers', { a: 2, b: 3 });
    if (!text.includes('5')) throw new Error(`add_numbers(2, 3) answered "${text}".`);
  },
  // The server elicits during the call; the handler accepts with `{}` and the SDK fills the defaults.
  'elicitation-sep1034-client-defaults': async (client) => {
    const text = await callListedTool(client, 'test_client_elicitation_defaults', {});
    if (!text.startsWith('Elicitation completed')) throw new Error(`The server reported: "${text}".`);
  },
  // The server closes the call's SSE stream after a priming event (retry: 500); the SDK transport
  // reconnects with GET and Last-Event-ID after that delay, and the result arrives on the new stream.
  'sse-retry': async (client) => {
    await callListedTool(client, 'test_reconnection', {});
  },
  'auth/metadata-default': authScenario,
  'auth/metadata-var1': authScenario,
  'auth/metadata-var2': authScenario,
  'auth/metadata-var3': authScenario,
  'auth/basic-cimd': authScenario,
  'auth/scope-from-www-authenticate': authScenario,
  'auth/scope-from-scopes-supported': authScenario,
  'auth/scope-omitted-when-undefined': authScenario,
  'auth/scope-step-up': authScenario,
  // The server never accepts the scope it asks for: the capped retry gives up with an error.
  'auth/scope-retry-limit': authScenario,
  'auth/token-endpoint-auth-basic': authScenario,
  'auth/token-endpoint-auth-post': authScenario,
  'auth/token-endpoint-auth-none': authScenario,
  // The metadata names another resource: the SDK refuses before any token is requested.
  'auth/resource-mismatch': authScenario,
  'auth/pre-registration': authScenario,
  'auth/2025-03-26-oauth-metadata-backcompat': authScenario,
  'auth/2025-03-26-oauth-endpoint-fallback': authScenario,
  'auth/client-credentials-jwt': authScenario,
  'auth/client-credentials-basic': authScenario,
};

export function isKnownScenario(name: string): name is ConformanceScenario {
  return Object.hasOwn(SCENARIO_RUNS, name);
}

/**
 * Connects the way the extension does (`openConnection` with `auto`, Patchbay's client, the
 * interim elicitation handler, every frame recorded), runs the scenario, and closes.
 */
export async function runScenario(scenario: ConformanceScenario, input: ScenarioInput): Promise<void> {
  const recorder = new WireRecorder((event) => {
    const status = event.httpStatus === null ? '' : ` ${event.httpStatus}`;
    console.error(`[wire] ${event.direction} ${event.method ?? '(response)'}${status} ${JSON.stringify(event.frame)}`);
  });
  const { authProvider, authorize } = scenarioAuth(scenario, input.serverUrl, input.context, (step) => {
    console.error(`[auth] ${step.outcome} ${step.step}${step.status === undefined ? '' : ` ${step.status}`}${step.url ? ` ${step.url}` : ''}: ${step.detail}`);
  });
  const { client, transport } = await openConnection({
    url: input.serverUrl,
    authProvider,
    authorize,
    transport: 'auto',
    fetch: recorder.wrapFetch(fetch),
    headers: {},
    resume: null,
    createClient: () => {
      const client = createMcpClient();
      acceptElicitationWithDefaults(client);
      // Transport trouble the SDK recovers from (a GET stream refused, a reconnect) lands here.
      client.onerror = (error) => console.error(`[client] ${error.message}`);
      return client;
    },
    prepareTransport: (transport) => recorder.wrapTransport(transport),
  });
  try {
    // Requests sign in again when the server asks (401, step-up 403), the way the extension's do.
    await SCENARIO_RUNS[scenario](client, input, authorizedRequester(transport, { provider: authProvider, authorize, fetch }));
  } finally {
    await close(client, transport);
  }
}

/** Calls a tool the way a user would reach it: only if the server listed it; returns its text. */
async function callListedTool(client: Client, name: string, args: Record<string, unknown>): Promise<string> {
  const tools = await listAllTools(client);
  if (!tools.some((tool) => tool.name === name)) {
    throw new Error(`The server did not list "${name}" (it listed: ${tools.map((tool) => tool.name).join(', ')}).`);
  }
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  const text = result.content.map((part) => (part.type === 'text' ? part.text : `[${part.type}]`)).join('\n');
  if (result.isError) throw new Error(`${name} failed: ${text}`);
  return text;
}

/** Ends a Streamable HTTP session with DELETE (the spec's SHOULD for a client done with it), then closes. */
async function close(client: Client, transport: Transport): Promise<void> {
  if (transport instanceof StreamableHTTPClientTransport && transport.sessionId !== undefined) {
    await transport.terminateSession().catch((error: unknown) => console.error(`[client] DELETE failed: ${String(error)}`));
  }
  await client.close();
}
