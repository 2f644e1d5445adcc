import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { ConnectorsRepository } from '../db/repositories/connectors-repository';
import type { DecisionsRepository } from '../db/repositories/decisions-repository';
import { capToolResult, DISPLAY_RESULT_BUDGET_BYTES } from '../mcp/session/cap-result';
import type { ConnectorHub } from '../mcp/connector-hub';
import { FullResultKeeper } from '../mcp/session/full-result-keeper';
import { validateToolArguments } from '../mcp/catalog/validate-tool-arguments';
import type { CommandHandlers } from '../messaging/command-router';
import type { BackgroundToPanel } from '../messaging/panel-port-protocol';
import { auditHandRun, handRunRisk, type HandRunOutcome } from './audit-hand-run';
import type { HandRunJournal } from './hand-run-journal';

export type HandRunHandlers = Pick<CommandHandlers, 'connectors.callTool' | 'connectors.cancelCall' | 'connectors.fullResult'>;

export interface HandRunDeps {
  hub: Pick<ConnectorHub, 'callTool'>;
  connectors: Pick<ConnectorsRepository, 'get'>;
  /** Where a hand run of a write tool is recorded, beside the chat's decisions and write calls. */
  audit: Pick<DecisionsRepository, 'appendAudit'>;
  /** Audited runs under way, so a run the worker dies in is still audited at the next wake. */
  journal: Pick<HandRunJournal, 'begin' | 'end'>;
  broadcast(event: BackgroundToPanel): void;
}

/**
 * The Run dialog's commands: a tool run by hand, checked against its input schema first, with
 * progress on the port, a Stop, and the full result kept when the display copy is cut. A run of a
 * write tool is audited like the chat's write calls: its input, outcome and duration.
 */
export function createHandRunHandlers(deps: HandRunDeps): HandRunHandlers {
  const calls = new Map<string, AbortController>();
  // The panel is sent a capped copy; the whole of a cut result waits here for a download.
  const fullResults = new FullResultKeeper();
  return {
    'connectors.callTool': async ({ id, callId, toolName, args }) => {
      const row = await deps.connectors.get(id);
      const tool = row?.tools.find((t) => t.name === toolName);
      if (!row || !tool) throw new Error(`The server does not offer a tool named ${toolName} (refresh its tools?).`);
      const check = validateToolArguments(tool, args);
      if (!check.ok) throw new Error(`The arguments do not match ${toolName}'s input schema:\n${check.problems.join('\n')}`);
      const { audited, risk } = handRunRisk(row, tool);
      const controller = new AbortController();
      calls.set(callId, controller);
      const started = Date.now();
      const audit = async (outcome: HandRunOutcome, isError: boolean, error?: string) => {
        if (!audited) return;
        await auditHandRun(deps.audit, id, toolName, risk, { callId, input: args, outcome, isError, durationMs: Date.now() - started, error });
        await deps.journal.end(callId);
      };
      if (audited) await deps.journal.begin({ callId, connectorId: id, toolName, input: args, risk, startedAt: started });
      try {
        let result: CallToolResult;
        try {
          result = await deps.hub.callTool(id, toolName, args, {
            signal: controller.signal,
            caller: { type: 'hand-run', callId, toolName },
            onProgress: (progress) => deps.broadcast({ type: 'tool-progress', callId, ...progress }),
          });
        } catch (error) {
          await audit(controller.signal.aborted ? 'cancelled' : 'error', !controller.signal.aborted, error instanceof Error ? error.message : String(error));
          throw error;
        }
        await audit(result.isError === true ? 'error' : 'ok', result.isError === true);
        const capped = capToolResult(result, DISPLAY_RESULT_BUDGET_BYTES);
        if (capped.truncated) fullResults.keep(callId, result, capped.totalBytes);
        return { result: capped.result, totalBytes: capped.totalBytes, truncated: capped.truncated, durationMs: Date.now() - started };
      } finally {
        calls.delete(callId);
      }
    },
    'connectors.cancelCall': async ({ callId }) => {
      const controller = calls.get(callId);
      controller?.abort(new Error('Cancelled by the user.'));
      return { cancelled: controller !== undefined };
    },
    'connectors.fullResult': async ({ callId }) => {
      const json = fullResults.json(callId);
      if (json === null) throw new Error('The full result is no longer kept (the background restarted, or newer results took its place). Run the tool again.');
      return { json };
    },
  };
}
