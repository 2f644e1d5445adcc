import { describe, expect, it } from 'vitest';
import { checkParameters, closedValues } from '@/lib/workbench/report-card/parameter-checks';
import { checksOf, goodTool } from './tool';

describe('parameters', () => {
  it('passes described parameters, enums and declared required names', () => {
    expect(checkParameters(goodTool())).toEqual([]);
    const withEnum = goodTool({ inputSchema: { type: 'object', properties: { format: { type: 'string', enum: ['pdf', 'csv'], description: 'One of pdf, csv.' } } } });
    expect(checkParameters(withEnum)).toEqual([]);
  });

  it('flags every undescribed parameter by its path, nested ones too', () => {
    const tool = goodTool({
      inputSchema: { type: 'object', properties: { q: { type: 'string' }, filter: { type: 'object', description: 'Filters.', properties: { since: { type: 'string' } } }, tags: { type: 'array', description: 'Tags.', items: { type: 'object', properties: { label: { type: 'string' } } } } } },
    });
    const found = checkParameters(tool);
    expect(found.map((f) => [f.severity, f.check, f.message])).toEqual([
      ['warning', 'parameter-undescribed', 'The parameter `q` has no description.'],
      ['warning', 'parameter-undescribed', 'The parameter `filter.since` has no description.'],
      ['warning', 'parameter-undescribed', 'The parameter `tags[].label` has no description.'],
    ]);
  });

  it('flags a free string whose description lists its values, and suggests the enum', () => {
    const tool = goodTool({ inputSchema: { type: 'object', properties: { format: { type: 'string', description: 'Output format, one of pdf, csv, html.' } } } });
    const found = checkParameters(tool);
    expect(found).toMatchObject([{ severity: 'info', check: 'parameter-enum-missing' }]);
    expect(found[0]!.fix).toBe('Declare them: "enum": ["pdf","csv","html"].');
  });

  it('reads closed lists in prose, and not open ones', () => {
    expect(closedValues('Either "asc" or "desc".')).toEqual(['asc', 'desc']);
    expect(closedValues('Allowed values: small | medium | large')).toEqual(['small', 'medium', 'large']);
    expect(closedValues('day|week|month')).toEqual(['day', 'week', 'month']);
    expect(closedValues('The city to look up, e.g. Lyon.')).toBeNull();
    expect(closedValues('Use one of these carefully chosen words')).toBeNull();
  });

  it('a number with such a description is not flagged: enums are for strings here', () => {
    const tool = goodTool({ inputSchema: { type: 'object', properties: { level: { type: 'integer', description: 'One of 1, 2, 3.' } } } });
    expect(checkParameters(tool)).toEqual([]);
  });

  it('flags a required name that properties do not declare', () => {
    const tool = goodTool({ inputSchema: { type: 'object', properties: { number: { type: 'string', description: 'The number.' } }, required: ['number', 'bin'] } });
    expect(checksOf(checkParameters(tool))).toEqual(['required-not-declared']);
    expect(checkParameters(tool)[0]).toMatchObject({ severity: 'warning', tool: 'get_invoice' });
  });
});
