import type { CommandHandlers } from '../messaging/command-router';
import type { PatchbayDatabase } from '../db/database';
import type { ConnectorsRepository } from '../db/repositories/connectors-repository';
import { EvalSuitesRepository } from '../db/repositories/eval-suites-repository';
import { DEFAULT_REPETITIONS, EvalCaseSchema, type EvalSuiteRow } from '../contract/eval-suite';
import type { ConnectorRow } from '../db/rows';
import { EvalInputError } from '../evals/eval-input-error';
import { starterCases } from '../evals/starter-cases';
import { EvalSuiteImportError, parseSuiteFile, suiteToFile } from '../evals/suite-file';
import { exportFileName } from '../chat/export-file-name';

export type EvalSuiteHandlers = Pick<
  CommandHandlers,
  'evals.createSuite' | 'evals.deleteSuite' | 'evals.saveCase' | 'evals.deleteCase' | 'evals.setRepetitions' | 'evals.importSuite' | 'evals.exportSuite'
>;

export interface EvalSuiteDeps {
  db: PatchbayDatabase;
  connectors: Pick<ConnectorsRepository, 'get' | 'list'>;
}

/** Suites and their cases; every id the panel sends is looked up, every case parsed before it is stored. */
export function createEvalSuiteHandlers(deps: EvalSuiteDeps): EvalSuiteHandlers {
  const suites = new EvalSuitesRepository(deps.db);
  const connectorOf = async (id: string): Promise<ConnectorRow> => {
    const row = await deps.connectors.get(id);
    if (!row) throw new EvalInputError('This connector was removed.');
    return row;
  };
  const suiteOf = async (id: string): Promise<EvalSuiteRow> => {
    const suite = await suites.get(id);
    if (!suite) throw new EvalInputError('This eval suite was deleted.');
    return suite;
  };
  const newSuite = (connector: ConnectorRow, name: string, cases: EvalSuiteRow['cases'], repetitions = DEFAULT_REPETITIONS): Promise<EvalSuiteRow> => {
    const now = Date.now();
    return suites.put({ id: crypto.randomUUID(), connectorId: connector.id, name, cases, repetitions, createdAt: now, updatedAt: now });
  };

  return {
    'evals.createSuite': async ({ connectorId, starter }) => {
      const connector = await connectorOf(connectorId);
      const cases = starter ? starterCases(connector.label, connector.tools, () => crypto.randomUUID()) : [];
      return { suiteId: (await newSuite(connector, `${connector.label} tool selection`, cases)).id };
    },
    'evals.deleteSuite': async ({ suiteId }) => {
      await suites.remove(suiteId);
      return {};
    },
    'evals.saveCase': async ({ suiteId, case: draft }) => {
      const suite = await suiteOf(suiteId);
      const connector = await connectorOf(suite.connectorId);
      if (draft.expectedTool !== null && !connector.tools.some((tool) => tool.name === draft.expectedTool)) {
        throw new EvalInputError(`${connector.label} has no tool named “${draft.expectedTool}”.`);
      }
      const others = await Promise.all(draft.otherConnectorIds.filter((id) => id !== suite.connectorId).map(async (id) => ((await deps.connectors.get(id)) ? id : null)));
      const known = draft.id !== undefined && suite.cases.some((item) => item.id === draft.id);
      const saved = EvalCaseSchema.parse({ ...draft, id: known ? draft.id : crypto.randomUUID(), otherConnectorIds: others.filter((id) => id !== null) });
      await suites.update(suiteId, (row) => ({ ...row, cases: known ? row.cases.map((item) => (item.id === saved.id ? saved : item)) : [...row.cases, saved] }));
      return { caseId: saved.id };
    },
    'evals.deleteCase': async ({ suiteId, caseId }) => {
      await suites.update(suiteId, (row) => ({ ...row, cases: row.cases.filter((item) => item.id !== caseId) }));
      return {};
    },
    'evals.setRepetitions': async ({ suiteId, repetitions }) => {
      await suites.update(suiteId, (row) => ({ ...row, repetitions }));
      return {};
    },
    'evals.importSuite': async ({ connectorId, text }) => {
      const connector = await connectorOf(connectorId);
      const all = await deps.connectors.list();
      try {
        const imported = parseSuiteFile(text, (label) => all.find((row) => row.label === label && row.id !== connectorId)?.id, () => crypto.randomUUID());
        const suite = await newSuite(connector, imported.name, imported.cases, imported.repetitions);
        return { ok: true, suiteId: suite.id, cases: suite.cases.length, unknownConnectors: imported.unknownConnectors };
      } catch (error) {
        if (error instanceof EvalSuiteImportError) return { ok: false, error: error.message };
        throw error;
      }
    },
    'evals.exportSuite': async ({ suiteId }) => {
      const suite = await suiteOf(suiteId);
      const all = await deps.connectors.list();
      const file = suiteToFile(suite, (id) => all.find((row) => row.id === id)?.label);
      return { fileName: exportFileName(`${suite.name} eval suite`, 'json'), text: `${JSON.stringify(file, null, 2)}\n`, mimeType: 'application/json' };
    },
  };
}
