import type { CommandHandlers } from '../messaging/command-router';
import { EvalSuitesRepository } from '../db/repositories/eval-suites-repository';
import type { PatchbayDatabase } from '../db/database';
import { EvalInputError } from '../evals/eval-input-error';
import type { EvalRunner } from '../evals/eval-runner';

export type EvalRunHandlers = Pick<CommandHandlers, 'evals.run' | 'evals.stop'>;

/** Run evals and Stop; the run's progress and results are the `evalRuns` row the panel reads live. */
export function createEvalRunHandlers(db: PatchbayDatabase, runner: EvalRunner, onRunError: (error: unknown) => void): EvalRunHandlers {
  const suites = new EvalSuitesRepository(db);
  return {
    'evals.run': async ({ suiteId, withOverrides }) => {
      const suite = await suites.get(suiteId);
      if (!suite) throw new EvalInputError('This eval suite was deleted.');
      if (suite.cases.length === 0) throw new EvalInputError('Add a case before running the suite.');
      const { runId, settled } = await runner.start(suite, withOverrides);
      settled.catch(onRunError);
      return { runId };
    },
    'evals.stop': async ({ runId }) => ({ stopped: await runner.stop(runId) }),
  };
}
