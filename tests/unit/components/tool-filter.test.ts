import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, it } from 'vitest';
import { filterTools, toolSummary } from '@/components/connectors/tool-filter';

const tool = (name: string, extra: Partial<Tool> = {}): Tool => ({ name, inputSchema: { type: 'object' }, ...extra });
const tools = [
  tool('echo', { description: 'Echoes back the input string' }),
  tool('get-sum', { title: 'Add numbers', description: 'Returns the sum of two numbers' }),
  tool('delete_note', { annotations: { title: 'Delete a NOTE for good' } }),
];
const names = (query: string) => filterTools(tools, query).map((entry) => entry.name);

describe('Filter tools', () => {
  it('matches the name, the title and the description, ignoring case, every word', () => {
    expect(names('ECHO')).toEqual(['echo']);
    expect(names('add')).toEqual(['get-sum']);
    expect(names('note good')).toEqual(['delete_note']);
    expect(names('numbers two')).toEqual(['get-sum']);
    expect(names('numbers echo')).toEqual([]);
  });

  it('keeps the very list when the filter is empty or blank, so memoized rows stay', () => {
    expect(filterTools(tools, '')).toBe(tools);
    expect(filterTools(tools, '   ')).toBe(tools);
  });
});

describe('a row’s one-line summary', () => {
  it('is the description’s first line, else a title that says more than the name', () => {
    expect(toolSummary(tool('a', { title: 'Ignored here', description: '  First line\nsecond line' }))).toBe('First line');
    expect(toolSummary(tool('a', { annotations: { title: 'From annotations' } }))).toBe('From annotations');
    expect(toolSummary(tool('a', { title: 'a' }))).toBe('');
  });
});
