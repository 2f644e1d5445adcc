import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { CfWorkerJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/cfworker';
import { MCP_APP_MIME_TYPE, MCP_APPS_EXTENSION } from '../../contract/app-resource';

/** How Patchbay introduces itself in `initialize`. */
export const CLIENT_INFO = { name: 'Patchbay', version: '0.1.0' } as const;

/**
 * An SDK client as the extension needs it: the eval-free JSON Schema validator (the MV3 CSP
 * forbids Ajv's `new Function`), and the form elicitation capability (servers that need it still
 * work; whoever answers decides: the product declines, the conformance client accepts defaults).
 */
export function createMcpClient(version: string = CLIENT_INFO.version): Client {
  return new Client(
    { name: CLIENT_INFO.name, version },
    {
      // MCP Apps: servers offer a tool's own interface only to clients that say they render it.
      capabilities: { elicitation: { form: { applyDefaults: true } }, extensions: { [MCP_APPS_EXTENSION]: { mimeTypes: [MCP_APP_MIME_TYPE] } } },
      jsonSchemaValidator: new CfWorkerJsonSchemaValidator(),
    },
  );
}
