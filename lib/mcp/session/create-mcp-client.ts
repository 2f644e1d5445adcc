import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { CfWorkerJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/cfworker';

/** How Patchbay introduces itself in `initialize`. */
export const CLIENT_INFO = { name: 'Patchbay', version: '0.1.0' } as const;

/**
 * An SDK client as the extension needs it: the eval-free JSON Schema validator (the MV3 CSP
 * forbids Ajv's `new Function`), and the form elicitation capability (servers that need it still
 * work; whoever answers decides: the product declines, the conformance client accepts defaults).
 * `tasks: {}`: Patchbay calls tools as tasks and follows them (tasks/get, tasks/result,
 * tasks/cancel); it takes no task-augmented requests itself, so it declares no `requests`.
 */
export function createMcpClient(version: string = CLIENT_INFO.version): Client {
  return new Client(
    { name: CLIENT_INFO.name, version },
    {
      capabilities: { elicitation: { form: { applyDefaults: true } }, tasks: {} },
      jsonSchemaValidator: new CfWorkerJsonSchemaValidator(),
    },
  );
}
