import { Validator, type Schema } from '@cfworker/json-schema';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { jsonProblems } from './json-problems';

/** Where arguments break the tool's input schema, one readable line per problem. */
export type ArgumentCheck = { ok: true } | { ok: false; problems: string[] };

/** One compiled validator per schema object: a tool's stored schema is checked against on every call. */
const validators = new WeakMap<object, Validator>();

function validatorFor(schema: Tool['inputSchema']): Validator {
  let validator = validators.get(schema);
  if (!validator) validators.set(schema, (validator = new Validator(schema as Schema, '2020-12', false)));
  return validator;
}

/**
 * Checks arguments against the tool's input schema before anything is sent: a hand-typed or
 * model-made call that breaks the schema never reaches the server. What is checked is what the
 * server will receive: values JSON cannot carry are refused first, by name. A schema the server
 * sent that cannot be used (a `$ref` to nowhere, a broken pattern) refuses the call, as a value:
 * nothing unchecked is sent, and no exception escapes into the run. Eval-free (MV3 CSP).
 */
export function validateToolArguments(tool: Pick<Tool, 'inputSchema'>, args: unknown): ArgumentCheck {
  const unsendable = jsonProblems(args);
  if (unsendable.length > 0) return { ok: false, problems: unsendable };
  let result: ReturnType<Validator['validate']>;
  try {
    result = validatorFor(tool.inputSchema).validate(args);
  } catch (error) {
    const reason = error instanceof Error && error.message ? error.message : String(error);
    return { ok: false, problems: [`The tool's input schema cannot be used to check the arguments: ${reason}`] };
  }
  if (result.valid) return { ok: true };
  const problems = result.errors
    .filter((error) => error.keyword !== 'properties' && error.keyword !== 'allOf')
    .map((error) => `${error.instanceLocation.replace(/^#\/?/, '') || '(arguments)'}: ${error.error}`);
  return { ok: false, problems: problems.length > 0 ? problems : result.errors.map((e) => e.error) };
}
