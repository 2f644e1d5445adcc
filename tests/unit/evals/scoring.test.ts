import { describe, expect, it } from 'vitest';
import { scoreChoice } from '@/lib/evals/score-attempt';
import { subsetMismatches } from '@/lib/evals/subset-match';
import { confusionOf, overallPassRate, summarizeCase } from '@/lib/contract/eval-summary';
import type { EvalAttempt, EvalCaseResult } from '@/lib/contract/eval-run';

const own = { connectorId: 'c1', toolName: 'get_weather' };
const call = (toolName: string | null, argsText = '{}', connectorId = 'c1') => ({
  type: 'call' as const,
  modelName: `Weather__${toolName ?? 'made_up'}`,
  argsText,
  tool: toolName === null ? null : { connectorId, toolName },
});

describe('subset match of expected arguments', () => {
  it('accepts extra keys and nested subsets, and names each differing path', () => {
    expect(subsetMismatches({ city: 'Lyon', opts: { unit: 'C' } }, { city: 'Lyon', days: 3, opts: { unit: 'C', lang: 'fr' } })).toEqual([]);
    expect(subsetMismatches({ city: 'Lyon', opts: { unit: 'C' } }, { city: 'Paris', opts: {} })).toEqual(['city: expected "Lyon", got "Paris"', 'opts.unit: missing (expected "C")']);
    expect(subsetMismatches({ tags: ['a', 'b'] }, { tags: ['a'] })).toEqual(['tags: expected ["a","b"], got ["a"]']);
    expect(subsetMismatches({ n: 1 }, { n: '1' })).toEqual(['n: expected 1, got "1"']);
  });
});

describe('scoring one answer', () => {
  it('passes the expected tool with matching arguments, and a no-tool case answered without a tool', () => {
    expect(scoreChoice({ ...own, args: { city: 'Lyon' } }, call('get_weather', '{"city":"Lyon","days":2}')).outcome).toBe('pass');
    expect(scoreChoice({ connectorId: 'c1', toolName: null }, { type: 'none' }).outcome).toBe('pass');
  });

  it('names what was wrong: another tool, no tool, a tool when none was expected, another connector', () => {
    expect(scoreChoice(own, call('get_forecast'))).toMatchObject({ outcome: 'wrong-tool', chosen: 'get_forecast' });
    expect(scoreChoice(own, { type: 'none' })).toMatchObject({ outcome: 'no-tool', chosen: null });
    expect(scoreChoice({ connectorId: 'c1', toolName: null }, call('get_weather'))).toMatchObject({ outcome: 'unexpected-tool', chosen: 'get_weather' });
    expect(scoreChoice(own, call('get_weather', '{}', 'c2'))).toMatchObject({ outcome: 'wrong-tool', chosen: 'c2/get_weather' });
  });

  it('records hostile output as a failure with its reason: an invented tool, arguments that are not JSON or not an object', () => {
    expect(scoreChoice(own, call(null))).toMatchObject({ outcome: 'unknown-tool', chosen: 'Weather__made_up', reason: 'The model called a tool it was not offered.' });
    expect(scoreChoice(own, call('get_weather', '{"city": "Ly'))).toMatchObject({ outcome: 'bad-arguments', reason: expect.stringMatching(/^The arguments are not JSON/) });
    expect(scoreChoice(own, call('get_weather', '[1,2]'))).toMatchObject({ outcome: 'bad-arguments', reason: 'The arguments are not a JSON object.' });
    expect(scoreChoice({ ...own, args: { city: 'Lyon' } }, call('get_weather', '{"city":"Paris"}'))).toMatchObject({ outcome: 'argument-mismatch', mismatches: ['city: expected "Lyon", got "Paris"'] });
    // No expected arguments: any object will do, and an empty string reads as none.
    expect(scoreChoice(own, call('get_weather', '')).outcome).toBe('pass');
  });
});

const attempt = (outcome: EvalAttempt['outcome'], chosen: string | null, extra: Partial<EvalAttempt> = {}): EvalAttempt => ({ outcome, chosen, mismatches: [], inputTokens: 10, outputTokens: 2, ...extra });
const result = (expectedTool: string | null, attempts: EvalAttempt[]): EvalCaseResult => ({ caseId: expectedTool ?? 'none', prompt: 'p', expectedTool, attempts });

describe('pass rates and the confusion view', () => {
  it('gives whole percents, the wrong tools by count, problems and tokens', () => {
    const summary = summarizeCase(result('a', [attempt('pass', 'a'), attempt('wrong-tool', 'b'), attempt('wrong-tool', 'b'), attempt('no-tool', null), attempt('argument-mismatch', 'a', { mismatches: ['x: expected 1, got 2'] })]));
    expect(summary).toMatchObject({ attempts: 5, passed: 1, passRate: 20, tokens: 60 });
    expect(summary.wrongChoices).toEqual([{ chosen: 'b', count: 2 }, { chosen: '(no tool)', count: 1 }]);
    expect(summary.problems).toEqual(['x: expected 1, got 2']);
    expect(summarizeCase(result('a', [])).passRate).toBeNull();
    expect(summarizeCase(result('a', [attempt('pass', 'a'), attempt('pass', 'a'), attempt('wrong-tool', 'b')])).passRate).toBe(67);
  });

  it('counts expected × chosen over every answered attempt; failed requests chose nothing', () => {
    const run = { results: [result('a', [attempt('pass', 'a'), attempt('wrong-tool', 'b'), attempt('error', null, { reason: 'HTTP 500' })]), result(null, [attempt('unexpected-tool', 'a'), attempt('pass', null)])] };
    expect(confusionOf(run)).toEqual([
      { expected: '(no tool)', chosen: 'a', count: 1 },
      { expected: '(no tool)', chosen: '(no tool)', count: 1 },
      { expected: 'a', chosen: 'a', count: 1 },
      { expected: 'a', chosen: 'b', count: 1 },
    ]);
    expect(overallPassRate(run)).toBe(40);
  });
});
