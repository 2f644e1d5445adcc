import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import type { Finding } from '../../contract/report-finding';
import { finding } from './finding';
import { schemaProblems } from './schema-validity';

/**
 * `inputSchema` and `outputSchema` must be valid JSON Schema (2020-12 unless `$schema` says
 * otherwise): a model API refuses a function whose parameters are not, and the client cannot
 * check arguments or structured output against them. So an invalid one is an Error.
 */
export function checkSchemas(tool: Tool): Finding[] {
  const found: Finding[] = [];
  const input = schemaProblems(tool.inputSchema);
  if (input.length > 0) {
    found.push(finding('error', tool.name, 'input-schema-invalid', `The inputSchema is not valid JSON Schema: ${input.join('; ')}`, 'Correct the schema at the places named; generating it from code (zod, pydantic) avoids hand-written mistakes.'));
  }
  if (tool.outputSchema !== undefined) {
    const output = schemaProblems(tool.outputSchema);
    if (output.length > 0) {
      found.push(finding('error', tool.name, 'output-schema-invalid', `The outputSchema is not valid JSON Schema: ${output.join('; ')}`, 'Correct the schema at the places named, so clients can check the tool’s structuredContent against it.'));
    }
  }
  return found;
}
