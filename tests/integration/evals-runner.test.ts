import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startModelServer, type ModelServer, type ScriptedTurn } from '../fixtures/model-server';
import { startServerEverything, type RunningServer } from '../fixtures/mcp-servers/server-everything';
import { startRecordingProxy, type RecordingProxy } from '../fixtures/mcp-servers/recording-proxy';
import { threeCaseModelTurn, THREE_CASES, WHAT_IF_TEXT } from '../fixtures/evals/three-case-model';
import { HubHarness, waitFor } from './connector-hub-harness';
import { createEvalServices, type EvalCommandHandlers } from '@/lib/background/eval-services';
import { EvalRunsRepository } from '@/lib/db/repositories/eval-runs-repository';
import { summarizeCase } from '@/lib/contract/eval-summary';
import type { EvalRunRow } from '@/lib/contract/eval-run';
import type { ModelApi } from '@/lib/contract/model-api';

const KEY = 'sk-evals';
let everything: RunningServer;
let proxy: RecordingProxy;
let model: ModelServer;
let harness: HubHarness;
let connectorId: string;
let handlers: EvalCommandHandlers;
let api: ModelApi = 'chat-completions';

beforeAll(async () => {
  everything = await startServerEverything('streamableHttp');
  proxy = await startRecordingProxy(everything.url);
  model = await startModelServer({ apiKey: KEY, models: ['m1'] });
  harness = await HubHarness.create();
  connectorId = await harness.add('Everything', proxy.url, 'streamable-http');
  await harness.hub.start();
  await harness.waitReady(connectorId);
  const settings = { read: async () => ({ apiKey: KEY, baseUrl: model.url, model: 'm1', api, toolLimits: {}, omitOrigin: false }) };
  handlers = createEvalServices({ db: harness.db, connectors: harness.connectors, settings, onRunError: (error) => { throw error; } }).handlers;
});
afterAll(async () => {
  await harness?.close();
  await Promise.all([model?.close(), proxy?.close(), everything?.close()]);
});

async function suiteWithThreeCases(repetitions: number): Promise<string> {
  const { suiteId } = await handlers['evals.createSuite']({ connectorId, starter: false });
  for (const item of THREE_CASES) await handlers['evals.saveCase']({ suiteId, case: { ...item, otherConnectorIds: [] } });
  await handlers['evals.setRepetitions']({ suiteId, repetitions });
  return suiteId;
}

async function runToEnd(suiteId: string, withOverrides: boolean): Promise<EvalRunRow> {
  const { runId } = await handlers['evals.run']({ suiteId, withOverrides });
  const runs = new EvalRunsRepository(harness.db);
  return waitFor(async () => {
    const row = await runs.get(runId);
    return row && row.status.type !== 'running' ? row : undefined;
  }, 'the run to end', 20_000);
}

const modelRequests = () => model.requests.filter((request) => request.method === 'POST');
const passRates = (run: EvalRunRow) => run.results.map((result) => summarizeCase(result).passRate);

describe('eval runs against the scripted model and server-everything', () => {
  it('scores each case N times with the conversation\'s tool list, never calling a tool; a what-if override changes only what the model sees', async () => {
    const suiteId = await suiteWithThreeCases(3);
    const before = modelRequests().length;
    model.script(Array.from({ length: 9 }, () => threeCaseModelTurn('Everything')));
    const run = await runToEnd(suiteId, false);
    expect(run.status).toEqual({ type: 'complete' });
    expect(passRates(run)).toEqual([100, 100, 0]);
    expect(summarizeCase(run.results[2]!).wrongChoices).toEqual([{ chosen: 'get-annotated-message', count: 3 }]);
    expect(run).toMatchObject({ model: 'm1', repetitions: 3, planned: 9, done: 9, withOverrides: false, overrides: [] });
    expect(Object.keys(run.fingerprints)).toEqual(expect.arrayContaining(['echo', 'get-sum', 'get-tiny-image']));
    expect(run.fingerprints.echo).toMatch(/^[0-9a-f]{64}$/);
    // The same names and tool list as a conversation with this connector.
    const requests = modelRequests().slice(before);
    expect(requests).toHaveLength(9);
    const tools = (requests[0]!.body as { tools: { function: { name: string } }[] }).tools.map((tool) => tool.function.name);
    expect(tools).toEqual(expect.arrayContaining(['Everything__echo', 'Everything__get-sum', 'Everything__get-tiny-image']));
    expect(run.results[0]!.attempts[0]!.inputTokens).toBeGreaterThan(0);

    await handlers['overrides.save']({ connectorId, toolName: 'get-tiny-image', field: { kind: 'description' }, text: WHAT_IF_TEXT });
    model.script(Array.from({ length: 9 }, () => threeCaseModelTurn('Everything')));
    const withWhatIf = await runToEnd(suiteId, true);
    expect(passRates(withWhatIf)).toEqual([100, 100, 100]);
    expect(withWhatIf.overrides).toEqual([{ toolName: 'get-tiny-image', field: { kind: 'description' }, text: WHAT_IF_TEXT }]);
    expect(withWhatIf.fingerprints['get-tiny-image']).not.toBe(run.fingerprints['get-tiny-image']);
    expect(withWhatIf.fingerprints.echo).toBe(run.fingerprints.echo);
    // Without overrides the same suite fails again: they apply only to runs that ask for them.
    model.script(Array.from({ length: 9 }, () => threeCaseModelTurn('Everything')));
    expect(passRates(await runToEnd(suiteId, false))).toEqual([100, 100, 0]);

    expect(proxy.toolCalls()).toEqual([]);
    expect(JSON.stringify(proxy.messages)).not.toContain(WHAT_IF_TEXT);
  });

  it('records hostile model output as failures with the reason: an invented tool, arguments that are not JSON, a failed request', async () => {
    const { suiteId } = await handlers['evals.createSuite']({ connectorId, starter: false });
    await handlers['evals.saveCase']({ suiteId, case: { prompt: 'Echo it', expectedTool: 'echo', otherConnectorIds: [] } });
    await handlers['evals.setRepetitions']({ suiteId, repetitions: 3 });
    model.script([
      { type: 'tool-calls', calls: [{ name: 'Everything__delete_everything', arguments: '{}' }] },
      { type: 'tool-calls', calls: [{ name: 'Everything__echo', arguments: '{"message": "unterminated' }] },
      { type: 'error', status: 400, body: { error: { message: 'Scripted bad request.', type: 'invalid_request_error' } } },
    ]);
    const run = await runToEnd(suiteId, false);
    expect(run.status).toEqual({ type: 'complete' });
    expect(run.results[0]!.attempts.map((attempt) => [attempt.outcome, attempt.chosen])).toEqual([
      ['unknown-tool', 'Everything__delete_everything'],
      ['bad-arguments', 'echo'],
      ['error', null],
    ]);
    expect(run.results[0]!.attempts[2]!.reason).toMatch(/Scripted bad request/);
  });

  it('Stop aborts the request in flight and marks the run stopped; the Responses API works the same', async () => {
    const { suiteId } = await handlers['evals.createSuite']({ connectorId, starter: false });
    await handlers['evals.saveCase']({ suiteId, case: { prompt: 'Say something long', expectedTool: null, otherConnectorIds: [] } });
    const slow: ScriptedTurn = { type: 'text', text: 'word '.repeat(400), delayMsPerChunk: 50 };
    model.script([slow]);
    const { runId } = await handlers['evals.run']({ suiteId, withOverrides: false });
    await waitFor(() => model.requests.some((request) => JSON.stringify(request.body).includes('Say something long')), 'the model request');
    expect(await handlers['evals.stop']({ runId })).toEqual({ stopped: true });
    const stopped = await new EvalRunsRepository(harness.db).get(runId);
    expect(stopped?.status).toEqual({ type: 'stopped', reason: 'Stopped by the user.' });
    expect(stopped?.done).toBe(0);

    api = 'responses';
    try {
      const suite = await suiteWithThreeCases(1);
      model.script(Array.from({ length: 3 }, () => threeCaseModelTurn('Everything')));
      const run = await runToEnd(suite, false);
      expect(passRates(run)).toEqual([100, 100, 0]);
      expect(run.api).toBe('responses');
      expect(model.requests.at(-1)!.path).toBe('/v1/responses');
    } finally {
      api = 'chat-completions';
    }
  });

  it('a run a dead worker left "running" is marked stopped at the next wake, and a settled one is left alone', async () => {
    const { suiteId } = await handlers['evals.createSuite']({ connectorId, starter: false });
    await handlers['evals.saveCase']({ suiteId, case: { prompt: 'Anything', expectedTool: null, otherConnectorIds: [] } });
    const runs = new EvalRunsRepository(harness.db);
    const base: Omit<EvalRunRow, 'id' | 'startedAt' | 'status'> = { suiteId, connectorId, finishedAt: null, model: 'm1', api: 'chat-completions', repetitions: 1, withOverrides: false, overrides: [], planned: 1, done: 0, results: [], fingerprints: {} };
    await runs.add({ ...base, id: 'cut-by-death', startedAt: 1, status: { type: 'running' } });
    await runs.add({ ...base, id: 'finished', startedAt: 2, finishedAt: 3, status: { type: 'complete' } });
    // The worker wakes: its services are made again, with no run of their own under way.
    createEvalServices({ db: harness.db, connectors: harness.connectors, settings: { read: async () => ({ apiKey: KEY, baseUrl: model.url, model: 'm1', api, toolLimits: {}, omitOrigin: false }) }, onRunError: (error) => { throw error; } });
    const swept = await waitFor(async () => {
      const row = await runs.get('cut-by-death');
      return row?.status.type === 'stopped' ? row : undefined;
    }, 'the cut run to be marked stopped');
    expect(swept.status).toEqual({ type: 'stopped', reason: 'The background restarted during the run.' });
    expect(swept.finishedAt).toEqual(expect.any(Number));
    expect((await runs.get('finished'))?.status).toEqual({ type: 'complete' });
  });

  it('imports a suite file as a new suite with fresh ids, and refuses a corrupt one without changing anything', async () => {
    const { suiteId } = await handlers['evals.createSuite']({ connectorId, starter: false });
    await handlers['evals.saveCase']({ suiteId, case: { prompt: 'Echo it', expectedTool: 'echo', expectedArgs: { message: 'it' }, otherConnectorIds: [] } });
    const file = await handlers['evals.exportSuite']({ suiteId });
    expect(file.text).not.toContain(suiteId);
    const before = await harness.db.evalSuites.count();
    const imported = await handlers['evals.importSuite']({ connectorId, text: file.text });
    expect(imported).toMatchObject({ ok: true, cases: 1, unknownConnectors: [] });
    const copy = await harness.db.evalSuites.get((imported as { suiteId: string }).suiteId);
    expect(copy!.cases[0]).toMatchObject({ prompt: 'Echo it', expectedTool: 'echo', expectedArgs: { message: 'it' } });
    expect(copy!.cases[0]!.id).not.toBe((await harness.db.evalSuites.get(suiteId))!.cases[0]!.id);
    expect(await handlers['evals.importSuite']({ connectorId, text: file.text.slice(0, 40) })).toEqual({ ok: false, error: 'The file is not JSON.' });
    expect(await harness.db.evalSuites.count()).toBe(before + 1);
  });

  it('refuses a case whose expected tool the connector does not have, and an override of a parameter the tool lacks', async () => {
    const { suiteId } = await handlers['evals.createSuite']({ connectorId, starter: true });
    await expect(handlers['evals.saveCase']({ suiteId, case: { prompt: 'p', expectedTool: 'rm-rf', otherConnectorIds: [] } })).rejects.toThrow('Everything has no tool named “rm-rf”.');
    await expect(handlers['overrides.save']({ connectorId, toolName: 'echo', field: { kind: 'parameter', name: 'ghost' }, text: 'x' })).rejects.toThrow('echo has no parameter named “ghost”.');
    const suite = await harness.db.evalSuites.get(suiteId);
    expect(suite!.cases.length).toBeGreaterThan(3);
    expect(suite!.cases.some((item) => item.prompt.startsWith('Use the "Everything" connector\'s'))).toBe(true);
  });
});
