import { describe, expect, it } from 'vitest';
import { checkSchemas } from '@/lib/workbench/report-card/schema-checks';
import { schemaProblems } from '@/lib/workbench/report-card/schema-validity';
import { checksOf, goodTool } from './tool';

describe('JSON Schema validity', () => {
  it('passes valid 2020-12 schemas, with $defs, local $refs, prefixItems and draft-07 tuples', () => {
    expect(schemaProblems({ type: 'object', $defs: { id: { type: 'string', pattern: '^[a-z]+$' } }, properties: { a: { $ref: '#/$defs/id' }, b: { type: 'array', prefixItems: [{ type: 'number' }] }, c: { type: 'array', items: [{ type: 'string' }] } }, required: ['a'] })).toEqual([]);
    expect(checkSchemas(goodTool({ outputSchema: { type: 'object', properties: { total: { type: 'number', minimum: 0 } } } }))).toEqual([]);
  });

  it('names where a schema is wrong: an unknown type, a bad keyword value, a regex that does not compile, a dangling $ref', () => {
    expect(schemaProblems({ type: 'object', properties: { a: { type: 'strng' } } })).toEqual([expect.stringMatching(/^at \/properties\/a\/type: /)]);
    expect(schemaProblems({ type: 'object', properties: { a: { type: 'integer', minimum: 'zero' } } })).toEqual(['at /properties/a/minimum: the value type "string" is invalid. Expected "number".']);
    expect(schemaProblems({ type: 'object', properties: { a: { type: 'string', pattern: '(' } } })).toEqual(['at /properties/a/pattern: String does not match format "regex".']);
    expect(schemaProblems({ type: 'object', required: 'a' })).toEqual([expect.stringMatching(/^at \/required: /)]);
    expect(schemaProblems({ type: 'object', properties: { a: { $ref: '#/$defs/missing' } } })).toEqual(['$ref "#/$defs/missing" points at nothing in this schema.']);
  });

  it('an invalid input or output schema is an Error', () => {
    const tool = goodTool({ inputSchema: { type: 'object', properties: { n: { type: 'number', maxLength: -1 } } }, outputSchema: { type: 'object', properties: { x: { enum: 'a' } } } });
    const found = checkSchemas(tool);
    expect(checksOf(found)).toEqual(['input-schema-invalid', 'output-schema-invalid']);
    expect(found.every((f) => f.severity === 'error')).toBe(true);
  });

  it('a hostile schema nested thousands deep is refused with a reason, not a stack overflow; a self-$ref is fine', () => {
    const deep: Record<string, unknown> = { type: 'object' };
    let node = deep;
    for (let i = 0; i < 5_000; i++) node = (node.properties = { x: { type: 'object' } }).x as Record<string, unknown>;
    expect(schemaProblems(deep)).toEqual(['it nests deeper than 64 levels, more than any model API takes.']);
    expect(checkSchemas(goodTool({ inputSchema: deep as never }))).toMatchObject([{ severity: 'error', check: 'input-schema-invalid' }]);
    expect(schemaProblems({ type: 'object', properties: { a: { $ref: '#' } } })).toEqual([]);
  });
});
