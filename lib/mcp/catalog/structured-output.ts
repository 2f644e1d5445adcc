import { Validator, type Schema } from '@cfworker/json-schema';
import type { CallToolResult, Tool } from '@modelcontextprotocol/sdk/types.js';
import { OUTPUT_MISMATCH_META_KEY } from '../../contract/output-check';

const MAX_PROBLEMS = 5;

/** Where a result breaks the tool's output schema: one readable line per problem. */
export type OutputCheck = { ok: true } | { ok: false; problems: string[] };

/**
 * Checks `structuredContent` against the tool's `outputSchema`, as the spec says a client should
 * (eval-free, MV3 CSP). A tool with an output schema must send structured content unless it
 * reports an error; a tool without one is not checked. A schema that cannot be used counts as a
 * mismatch: nothing is passed on as checked that was not.
 */
export function checkStructuredOutput(tool: Pick<Tool, 'outputSchema'> | undefined, result: CallToolResult): OutputCheck {
  const schema = tool?.outputSchema;
  if (!schema) return { ok: true };
  if (result.structuredContent === undefined) {
    return result.isError === true ? { ok: true } : { ok: false, problems: ['The tool has an output schema but sent no structured content.'] };
  }
  let checked: ReturnType<Validator['validate']>;
  try {
    checked = new Validator(schema as Schema, '2020-12', false).validate(result.structuredContent);
  } catch (error) {
    return { ok: false, problems: [`The tool's output schema cannot be used: ${error instanceof Error ? error.message : String(error)}`] };
  }
  if (checked.valid) return { ok: true };
  const problems = checked.errors
    .filter((error) => error.keyword !== 'properties' && error.keyword !== 'allOf')
    .map((error) => `${error.instanceLocation.replace(/^#\/?/, '') || '(structured content)'}: ${error.error}`);
  return { ok: false, problems: (problems.length > 0 ? problems : checked.errors.map((error) => error.error)).slice(0, MAX_PROBLEMS) };
}

/**
 * The result as Patchbay passes it on: a server's own use of the mismatch mark is removed, and a
 * mismatch turns the result into a tool error (the model reads why first) that keeps everything
 * the server sent, so the card and Details still show its output.
 */
export function withOutputCheck(tool: Pick<Tool, 'outputSchema'> | undefined, result: CallToolResult): CallToolResult {
  const { [OUTPUT_MISMATCH_META_KEY]: _forged, ...serverMeta } = result._meta ?? {};
  const clean: CallToolResult = { ...result, ...(result._meta ? { _meta: serverMeta } : {}) };
  const check = checkStructuredOutput(tool, clean);
  if (check.ok) return clean;
  const text = `The tool's result does not match its output schema, so Patchbay treats it as an error:\n${check.problems.join('\n')}`;
  return {
    ...clean,
    isError: true,
    content: [{ type: 'text', text }, ...(clean.content ?? [])],
    _meta: { ...serverMeta, [OUTPUT_MISMATCH_META_KEY]: { problems: check.problems } },
  };
}
