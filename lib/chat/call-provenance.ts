import type { z } from 'zod';
import type { ProvenanceHitSchema } from '../db/message-parts';
import type { MessageRow } from '../db/rows';
import { findProvenance, type EarlierToolResult } from '../policy/provenance';
import { partsOf } from './parts';

/** How many hits a card keeps: enough to make the point, few enough to read. */
export const MAX_PROVENANCE_HITS = 10;

type ProvenanceHitPart = z.infer<typeof ProvenanceHitSchema>;

/**
 * Where a write call's input came from: text found verbatim in earlier tool results of this
 * conversation. Hits from other connectors come first (text crossing servers is the risk the card
 * warns about); hits from the connector being written to follow.
 */
export function callProvenance(
  args: unknown,
  writeConnectorId: string,
  history: readonly MessageRow[],
  labels: ReadonlyMap<string, string>,
): ProvenanceHitPart[] {
  const earlier = earlierResults(history, labels);
  if (earlier.length === 0) return [];
  const report = findProvenance(args, writeConnectorId, earlier);
  return [...report.crossConnector, ...report.sameConnector]
    .slice(0, MAX_PROVENANCE_HITS)
    .map(({ path, excerpt, sameConnector, source }) => ({ path, excerpt, sameConnector, source }));
}

/** Every stored tool result with the connector and tool of the call it answers, oldest first. */
function earlierResults(history: readonly MessageRow[], labels: ReadonlyMap<string, string>): EarlierToolResult[] {
  const found: EarlierToolResult[] = [];
  for (const message of history) {
    const calls = new Map(partsOf(message.parts, 'tool-call').map((call) => [call.callId, call]));
    for (const result of partsOf(message.parts, 'tool-result')) {
      const call = calls.get(result.callId);
      // Errors are skipped: most are our own texts (denied, invalid arguments), not a server's output.
      if (!call || result.isError) continue;
      found.push({
        callId: call.callId,
        connectorId: call.connectorId,
        connectorLabel: labels.get(call.connectorId) ?? call.connectorId,
        toolName: call.toolName,
        result: result.result,
      });
    }
  }
  return found;
}
