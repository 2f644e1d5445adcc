import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, it } from 'vitest';
import { starterCases } from '@/lib/evals/starter-cases';
import { originalText, overrideTool, withOverrides } from '@/lib/evals/apply-overrides';
import { overridePatch, overridePatchMarkdown } from '@/lib/evals/override-patch';
import { overrideIdOf, type ToolOverrideRow } from '@/lib/contract/tool-override';
import { EvalCaseSchema } from '@/lib/contract/eval-suite';

const tools: Tool[] = [
  { name: 'create_event', description: 'Creates a calendar event. Use this when the user schedules a meeting.', inputSchema: { type: 'object', properties: { title: { type: 'string', description: 'Title' }, kind: { type: 'string', enum: ['meeting', 'call'] } }, required: ['title', 'kind'] } },
  { name: 'create_task', description: 'Creates a reminder task.', inputSchema: { type: 'object', properties: {} } },
  { name: 'list_events', inputSchema: { type: 'object' } },
  { name: 'delete_event', description: 'Deletes an event.', inputSchema: { type: 'object' } },
];

describe('starter cases', () => {
  it('follows the seed: explicit connector and tool, disallowed alternatives, similar tools, sequencing, and a no-tool case', () => {
    let n = 0;
    const cases = starterCases('Calendar', tools, () => `id-${(n += 1)}`);
    for (const item of cases) EvalCaseSchema.parse(item);
    const prompts = cases.map((item) => item.prompt);
    expect(prompts[0]).toBe('Use the "Calendar" connector\'s "create_event" tool to create a calendar event.');
    expect(prompts[2]).toBe('Use the "Calendar" connector\'s "list_events" tool to do what list_events does.');
    expect(prompts).toContain('Delete an event. Do not use built-in browsing or other tools; only use the Calendar connector.');
    expect(prompts).toContain('Prefer `Calendar.create_event` to create a calendar event; do not use `Calendar.create_task` for this.');
    const sequencing = cases.find((item) => item.prompt.startsWith('First call'))!;
    expect(sequencing).toMatchObject({ expectedTool: 'create_event', expectedArgs: { title: 'example', kind: 'meeting' } });
    expect(sequencing.prompt).toBe('First call `Calendar.create_event` with `{"title":"example","kind":"meeting"}`. Then call `Calendar.create_task`. Do not call other tools.');
    expect(cases.at(-1)).toMatchObject({ expectedTool: null });
    expect(new Set(cases.map((item) => item.id)).size).toBe(cases.length);
  });

  it('turns a description\'s verb into a request', () => {
    const described = (description: string) => starterCases('S', [{ name: 't', description, inputSchema: { type: 'object' } }], () => 'x')[0]!.prompt;
    expect(described('Fetches a page.')).toBe('Use the "S" connector\'s "t" tool to fetch a page.');
    expect(described('Echoes back the input.')).toBe('Use the "S" connector\'s "t" tool to echo back the input.');
    expect(described('This tool adds two numbers.')).toBe('Use the "S" connector\'s "t" tool to add two numbers.');
  });

  it('makes only the no-tool case for a connector without tools', () => {
    expect(starterCases('Empty', [], () => 'x').map((item) => item.expectedTool)).toEqual([null]);
  });
});

const override = (toolName: string, field: ToolOverrideRow['field'], text: string, connectorId = 'c1'): ToolOverrideRow => ({
  id: overrideIdOf(connectorId, toolName, field),
  connectorId,
  toolName,
  field,
  text,
  original: originalText(tools.find((tool) => tool.name === toolName)!, field),
  updatedAt: 1,
});

describe('what-if overrides', () => {
  it('change a copy of the tool (description or one parameter), never the stored one', () => {
    const changed = overrideTool(tools[0]!, [override('create_event', { kind: 'description' }, 'Use this for meetings.'), override('create_event', { kind: 'parameter', name: 'title' }, 'The meeting title.')]);
    expect(changed.description).toBe('Use this for meetings.');
    expect((changed.inputSchema.properties as Record<string, { description?: string }>).title!.description).toBe('The meeting title.');
    expect(tools[0]!.description).toMatch(/^Creates a calendar event/);
    expect((tools[0]!.inputSchema.properties as Record<string, { description?: string }>).title!.description).toBe('Title');
    // A parameter the tool does not have is not invented.
    expect(overrideTool(tools[1]!, [override('create_task', { kind: 'parameter', name: 'ghost' }, 'x')]).inputSchema).toEqual(tools[1]!.inputSchema);
  });

  it('apply per connector only', () => {
    const rows = withOverrides([{ id: 'c1', tools }, { id: 'c2', tools }], [override('create_task', { kind: 'description' }, 'New.')]);
    expect(rows[0]!.tools[1]!.description).toBe('New.');
    expect(rows[1]!.tools[1]!.description).toBe('Creates a reminder task.');
  });

  it('export as a patch: tool, field, original, proposed; Markdown fences that no text can close', () => {
    const rows = [override('create_task', { kind: 'description' }, 'Use this for ```reminders``` only.'), override('create_event', { kind: 'parameter', name: 'title' }, 'The title.')];
    expect(overridePatch(rows)).toEqual([
      { tool: 'create_event', field: 'parameter title', original: 'Title', proposed: 'The title.' },
      { tool: 'create_task', field: 'description', original: 'Creates a reminder task.', proposed: 'Use this for ```reminders``` only.' },
    ]);
    const markdown = overridePatchMarkdown('Calendar', rows);
    expect(markdown).toContain('## `create_task` — description');
    expect(markdown).toContain('````text\nUse this for ```reminders``` only.\n````');
  });
});
