import type { EvalAttempt, EvalRunRow } from '../contract/eval-run';
import type { EvalCase, EvalSuiteRow } from '../contract/eval-suite';
import type { ToolOverrideRow } from '../contract/tool-override';
import type { ConnectorRow } from '../db/rows';
import type { EvalRunsRepository } from '../db/repositories/eval-runs-repository';
import { ModelError } from '../llm/model-errors';
import type { ModelClient } from '../llm/model-events';
import { askModel } from './ask-model';
import { caseTools } from './case-tools';
import { scoreChoice } from './score-attempt';

/** Failures that every further request would repeat: the run ends with the reason instead. */
const FATAL_CODES = new Set(['bad-key', 'model-not-found', 'network-down']);
/** Why a run a dead worker left is over: shown on the run. */
const INTERRUPTED_REASON = 'The background restarted during the run.';

/** What a run needs from the background; narrow so a test gives a real model server and a fake store. */
export interface EvalRunnerDeps {
  runs: Pick<EvalRunsRepository, 'add' | 'put' | 'get' | 'running'>;
  /** The model the chat would use, from the settings as they are now (throws when not configured). */
  model(): Promise<ModelClient>;
  /** The configured model's name, API and tool limit, stored with the run. */
  modelInfo(): Promise<{ model: string; api: string; toolLimit: number }>;
  connectors(ids: readonly string[]): Promise<ConnectorRow[]>;
  overrides(connectorIds: readonly string[]): Promise<ToolOverrideRow[]>;
  now?(): number;
}

/**
 * Runs eval suites in the background: each case N times, one request after another, never
 * executing a tool. The run row is written after every attempt (the panel's progress). Stop
 * aborts the request in flight; a new run of the same suite stops the one before.
 */
export class EvalRunner {
  private readonly active = new Map<string, { suiteId: string; controller: AbortController; done: Promise<void> }>();

  constructor(private readonly deps: EvalRunnerDeps) {}

  /** Starts a run and answers its id at once; `settled` resolves when it has ended (for tests). */
  async start(suite: EvalSuiteRow, withOverrides: boolean): Promise<{ runId: string; settled: Promise<void> }> {
    for (const [runId, run] of this.active) if (run.suiteId === suite.id) await this.stop(runId);
    const now = this.deps.now ?? Date.now;
    const row: EvalRunRow = {
      id: crypto.randomUUID(),
      suiteId: suite.id,
      connectorId: suite.connectorId,
      startedAt: now(),
      finishedAt: null,
      status: { type: 'running' },
      model: '',
      api: '',
      repetitions: suite.repetitions,
      withOverrides,
      overrides: [],
      fingerprints: {},
      planned: suite.cases.length * suite.repetitions,
      done: 0,
      results: suite.cases.map((item) => ({ caseId: item.id, prompt: item.prompt, expectedTool: item.expectedTool, attempts: [] })),
    };
    await this.deps.runs.add(row);
    const controller = new AbortController();
    const done = this.drive(row, suite, controller.signal).finally(() => this.active.delete(row.id));
    this.active.set(row.id, { suiteId: suite.id, controller, done });
    return { runId: row.id, settled: done };
  }

  /** Stops a run; a run no worker drives any more (the worker restarted) is marked stopped too. */
  async stop(runId: string): Promise<boolean> {
    const run = this.active.get(runId);
    if (run) {
      run.controller.abort();
      await run.done;
      return true;
    }
    const stored = await this.deps.runs.get(runId);
    if (stored?.status.type !== 'running') return false;
    await this.markInterrupted(stored);
    return true;
  }

  /**
   * At a wake: every run stored as running that this worker does not drive was cut by the worker's
   * death, and is marked stopped with that reason rather than left "running" until someone presses Stop.
   */
  async sweepInterrupted(): Promise<number> {
    const orphans = (await this.deps.runs.running()).filter((row) => !this.active.has(row.id));
    for (const row of orphans) await this.markInterrupted(row);
    return orphans.length;
  }

  private markInterrupted(row: EvalRunRow): Promise<void> {
    return this.deps.runs.put({ ...row, status: { type: 'stopped', reason: INTERRUPTED_REASON }, finishedAt: (this.deps.now ?? Date.now)() });
  }

  private async drive(row: EvalRunRow, suite: EvalSuiteRow, signal: AbortSignal): Promise<void> {
    const now = this.deps.now ?? Date.now;
    const finish = (status: EvalRunRow['status']) => this.deps.runs.put({ ...row, status, finishedAt: now() });
    try {
      const info = await this.deps.modelInfo();
      const model = await this.deps.model();
      Object.assign(row, { model: info.model, api: info.api });
      for (const [index, item] of suite.cases.entries()) {
        const ids = [suite.connectorId, ...item.otherConnectorIds.filter((id) => id !== suite.connectorId)];
        const overrides = row.withOverrides ? await this.deps.overrides(ids) : [];
        const tools = await caseTools(await this.deps.connectors(ids), suite.connectorId, overrides, info.toolLimit);
        Object.assign(row.fingerprints, tools.fingerprints);
        for (const override of overrides) if (!row.overrides.some((seen) => sameField(seen, override))) row.overrides.push({ toolName: override.toolName, field: override.field, text: override.text });
        for (let repetition = 0; repetition < suite.repetitions; repetition += 1) {
          if (signal.aborted) return await finish({ type: 'stopped', reason: 'Stopped by the user.' });
          const attempt = await this.attempt(model, item, suite.connectorId, tools.set, signal);
          if (attempt === 'stopped') return await finish({ type: 'stopped', reason: 'Stopped by the user.' });
          if (attempt instanceof ModelError) return await finish({ type: 'failed', reason: attempt.message });
          row.results[index]!.attempts.push(attempt);
          row.done += 1;
          await this.deps.runs.put(row);
        }
      }
      await finish({ type: 'complete' });
    } catch (error) {
      await finish({ type: 'failed', reason: error instanceof Error ? error.message : String(error) });
    }
  }

  /** One request, scored; a failed request is an `error` attempt unless it would fail every time. */
  private async attempt(model: ModelClient, item: EvalCase, connectorId: string, tools: Parameters<typeof askModel>[2], signal: AbortSignal): Promise<EvalAttempt | 'stopped' | ModelError> {
    try {
      const answer = await askModel(model, item.prompt, tools, signal);
      const scored = scoreChoice({ connectorId, toolName: item.expectedTool, ...(item.expectedArgs ? { args: item.expectedArgs } : {}) }, answer.choice);
      return { ...scored, inputTokens: answer.inputTokens, outputTokens: answer.outputTokens };
    } catch (error) {
      if (signal.aborted) return 'stopped';
      if (error instanceof ModelError && FATAL_CODES.has(error.code)) return error;
      const reason = (error instanceof Error ? error.message : String(error)).slice(0, 1_000);
      return { outcome: 'error', chosen: null, mismatches: [], reason, inputTokens: 0, outputTokens: 0 };
    }
  }
}

function sameField(a: Pick<ToolOverrideRow, 'toolName' | 'field'>, b: Pick<ToolOverrideRow, 'toolName' | 'field'>): boolean {
  return a.toolName === b.toolName && JSON.stringify(a.field) === JSON.stringify(b.field);
}
