import { describe, expect, it } from 'vitest';
import { EvalSuiteImportError, parseSuiteFile, suiteToFile } from '@/lib/evals/suite-file';
import type { EvalSuiteRow } from '@/lib/contract/eval-suite';

const suite: EvalSuiteRow = {
  id: 'suite-1',
  connectorId: 'c1',
  name: 'Weather tool selection',
  repetitions: 3,
  createdAt: 1,
  updatedAt: 2,
  cases: [
    { id: 'k1', prompt: 'Weather in Lyon?', expectedTool: 'get_weather', expectedArgs: { city: 'Lyon' }, otherConnectorIds: ['c2', 'gone'] },
    { id: 'k2', prompt: 'What is 2+2?', expectedTool: null, otherConnectorIds: [] },
  ],
};
const labels: Record<string, string> = { c2: 'Calendar' };
let counter = 0;
const newId = () => `new-${(counter += 1)}`;

describe('suite files', () => {
  it('round-trips a suite with fresh ids, connectors matched by label', () => {
    const file = suiteToFile(suite, (id) => labels[id]);
    expect(JSON.stringify(file)).not.toContain('suite-1');
    expect(file.cases[0]!.connectors).toEqual(['Calendar']);
    const imported = parseSuiteFile(JSON.stringify(file), (label) => (label === 'Calendar' ? 'c2-here' : undefined), newId);
    expect(imported.name).toBe('Weather tool selection');
    expect(imported.repetitions).toBe(3);
    expect(imported.cases.map((item) => item.id)).toEqual(['new-1', 'new-2']);
    expect(imported.cases[0]).toMatchObject({ prompt: 'Weather in Lyon?', expectedTool: 'get_weather', expectedArgs: { city: 'Lyon' }, otherConnectorIds: ['c2-here'] });
    expect(imported.cases[1]).toMatchObject({ expectedTool: null, otherConnectorIds: [] });
  });

  it('never trusts ids in the file and names connectors it does not know', () => {
    const hostile = {
      format: 'patchbay-eval-suite',
      version: 1,
      name: 'x',
      id: 'someone-elses-suite',
      cases: [{ id: 'k1', prompt: 'p', expectedTool: 'a', connectors: ['Nowhere'], connectorId: 'c1', __proto__: { polluted: true } }],
    };
    const imported = parseSuiteFile(JSON.stringify(hostile), () => undefined, newId);
    expect(imported.cases[0]!.id).toMatch(/^new-/);
    expect(imported.cases[0]).not.toHaveProperty('connectorId');
    expect(imported.unknownConnectors).toEqual(['Nowhere']);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it.each([
    ['not JSON', '{"format": "patchbay-eval-suite",', 'The file is not JSON.'],
    ['another kind of file', JSON.stringify({ format: 'patchbay-conversation', version: 1 }), /not a Patchbay eval suite/],
    ['a newer version', JSON.stringify({ format: 'patchbay-eval-suite', version: 2, name: 'x', cases: [] }), /^The suite file is not valid: version/],
    ['an empty prompt', JSON.stringify({ format: 'patchbay-eval-suite', version: 1, name: 'x', cases: [{ prompt: '  ', expectedTool: null }] }), /^The suite file is not valid: cases\.0\.prompt/],
    ['a tool name that is not text', JSON.stringify({ format: 'patchbay-eval-suite', version: 1, name: 'x', cases: [{ prompt: 'p', expectedTool: 7 }] }), /cases\.0\.expectedTool/],
    ['too many cases', JSON.stringify({ format: 'patchbay-eval-suite', version: 1, name: 'x', cases: Array.from({ length: 101 }, () => ({ prompt: 'p', expectedTool: null })) }), /cases/],
    ['N out of bounds', JSON.stringify({ format: 'patchbay-eval-suite', version: 1, name: 'x', repetitions: 1000, cases: [] }), /repetitions/],
    ['a file over 1 MB', JSON.stringify({ format: 'patchbay-eval-suite', pad: 'x'.repeat(1_000_001) }), /larger than 1 MB/],
    ['null', 'null', /not a Patchbay eval suite/],
  ])('refuses %s with a clear error', (_what, text, message) => {
    expect(() => parseSuiteFile(text, () => undefined, newId)).toThrow(EvalSuiteImportError);
    expect(() => parseSuiteFile(text, () => undefined, newId)).toThrow(message);
  });
});
