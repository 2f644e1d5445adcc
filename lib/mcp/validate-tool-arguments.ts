import { Validator, type Schema } from '@cfworker/json-schema';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';

/** Where arguments break the tool's input schema, one readable line per problem. */
export type ArgumentCheck = { ok: true } | { ok: false; problems: string[] };

/**
 * Checks arguments against the tool's input schema before anything is sent: a hand-typed or
 * model-made call that breaks the schema never reaches the server. Eval-free (MV3 CSP).
 */
export function validateToolArguments(tool: Pick<Tool, 'inputSchema'>, args: unknown): ArgumentCheck {
  const result = new Validator(tool.inputSchema as Schema, '2020-12', false).validate(args);
  if (result.valid) return { ok: true };
  const problems = result.errors
    .filter((error) => error.keyword !== 'properties' && error.keyword !== 'allOf')
    .map((error) => `${error.instanceLocation.replace(/^#\/?/, '') || '(arguments)'}: ${error.error}`);
  return { ok: false, problems: problems.length > 0 ? problems : result.errors.map((e) => e.error) };
}
