import { afterEach, describe, expect, it } from 'vitest';
import { ToolOverridesRepository } from '@/lib/db/repositories/tool-overrides-repository';
import { overrideIdOf } from '@/lib/contract/tool-override';
import { modelToolsWithOverrides } from '@/lib/evals/model-tools-with-overrides';
import { connectorRow, READ, startHarness, type Harness } from '../chat/engine-harness';

const WHAT_IF = 'Use this when the user names a path to read.';
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const descriptionsSent = (body: Record<string, unknown>) => Object.fromEntries(((body.tools as { function: { name: string; description: string } }[]) ?? []).map((tool) => [tool.function.name, tool.function.description]));

async function harnessWithOverride(): Promise<Harness> {
  const harness = await startHarness({ whatIfOverrides: (ids) => new ToolOverridesRepository(harness.db).ofConnectors(ids) });
  const field = { kind: 'description' as const };
  await new ToolOverridesRepository(harness.db).put({ id: overrideIdOf('conn-1', 'read_file', field), connectorId: 'conn-1', toolName: 'read_file', field, text: WHAT_IF, original: 'Reads a file.', updatedAt: 1 });
  return harness;
}

describe('what-if descriptions in a conversation', () => {
  it('are not shown to the model unless the conversation turned them on', async () => {
    h = await harnessWithOverride();
    h.server.script([{ type: 'text', text: 'ok' }]);
    await h.engine.begin(h.conversationId, { type: 'send', text: 'hi' }).done;
    expect(descriptionsSent(h.modelRequests()[0]!)[READ]).toContain('Reads a file.');
    expect(JSON.stringify(h.modelRequests())).not.toContain(WHAT_IF);
  });

  it('on, the model is shown the what-if text while the call goes out as before, with the server\'s definition kept for the run', async () => {
    h = await harnessWithOverride();
    await h.db.conversations.update(h.conversationId, { whatIf: true });
    h.server.script([{ type: 'tool-calls', calls: [{ name: READ, arguments: '{"path":"a.txt"}' }] }, { type: 'text', text: 'done' }]);
    await h.engine.begin(h.conversationId, { type: 'send', text: 'read a.txt' }).done;
    const [first] = h.modelRequests();
    expect(descriptionsSent(first!)[READ]).toContain(WHAT_IF);
    expect(descriptionsSent(first!)[READ]).not.toContain('Reads a file.');
    expect(h.calls.map(({ connectorId, toolName, args }) => ({ connectorId, toolName, args }))).toEqual([{ connectorId: 'conn-1', toolName: 'read_file', args: { path: 'a.txt' } }]);
  });

  it('change only the definitions: tools, fingerprints and names stay the server\'s', () => {
    const row = connectorRow();
    const field = { kind: 'parameter' as const, name: 'path' };
    const set = modelToolsWithOverrides([row], [{ id: 'x', connectorId: 'conn-1', toolName: 'read_file', field, text: 'The file path.', original: '', updatedAt: 1 }]);
    const read = set.find(READ)!;
    expect(read.tool).toBe(row.tools[0]);
    expect(read.fingerprint).toBe('fp-read');
    expect((read.definition.parameters.properties as Record<string, { description?: string }>).path!.description).toBe('The file path.');
    expect(set.tools.map((tool) => tool.modelName)).toEqual(['Files__read_file', 'Files__write_file']);
  });
});
