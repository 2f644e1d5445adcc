import type { Tool } from '@modelcontextprotocol/sdk/types.js';

/** A well-made tool that passes every check; each test spoils one part of it. */
export function goodTool(overrides: Partial<Tool> = {}): Tool {
  return {
    name: 'get_invoice',
    description: 'Fetches one invoice by its number. Use this when the user names an invoice number; it does not search by customer.',
    inputSchema: { type: 'object', properties: { number: { type: 'string', description: 'The invoice number, e.g. INV-2031.' } }, required: ['number'] },
    annotations: { readOnlyHint: true },
    ...overrides,
  };
}

export const checksOf = (findings: readonly { check: string }[]) => findings.map((f) => f.check);
