import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { ClientCapabilities } from '@modelcontextprotocol/sdk/types.js';
import { CfWorkerJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/cfworker';
import { MCP_APP_MIME_TYPE, MCP_APPS_EXTENSION } from '../../contract/app-resource';

/** How Patchbay introduces itself in `initialize`. */
export const CLIENT_INFO = { name: 'Patchbay', version: '0.1.0' } as const;

/**
 * Exactly what Patchbay implements, each declared by the feature that answers it. Roots are not
 * declared: a browser has no workspace to offer a server.
 */
export const CLIENT_CAPABILITIES: ClientCapabilities = {
  // Elicitation (lib/requests/elicitation): forms and URLs, each shown to a person who answers it.
  elicitation: { form: { applyDefaults: true }, url: {} },
  // Sampling (lib/requests/sampling), with tools (2025-11-25): a person approves each request and
  // reviews the answer. `context` is not declared: includeContext is refused unless they allow it.
  sampling: { tools: {} },
  // Tasks (lib/mcp/tasks): Patchbay calls tools as tasks and follows them (tasks/get, tasks/result,
  // tasks/cancel); it takes no task-augmented requests itself, so it declares no `requests`.
  tasks: {},
  // MCP Apps (lib/apps): servers offer a tool's own interface only to clients that say they render it.
  extensions: { [MCP_APPS_EXTENSION]: { mimeTypes: [MCP_APP_MIME_TYPE] } },
};

/**
 * An SDK client as the extension needs it: the eval-free JSON Schema validator (the MV3 CSP
 * forbids Ajv's `new Function`) and the capabilities above.
 */
export function createMcpClient(version: string = CLIENT_INFO.version): Client {
  return new Client(
    { name: CLIENT_INFO.name, version },
    {
      capabilities: CLIENT_CAPABILITIES,
      jsonSchemaValidator: new CfWorkerJsonSchemaValidator(),
    },
  );
}
