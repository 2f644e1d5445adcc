import type { ProtocolFrameRow, ProtocolLogStatsRow } from '../../db/rows';
import { redactDeep } from '../redaction/redact';
import { scrubDeep } from '../redaction/url-credentials';

/**
 * A connector's protocol log as a JSON document to share: frames oldest first, counts beside
 * them, and every credential-looking value replaced (headers and URLs were redacted when recorded;
 * frames are redacted again here, in case a tool's arguments carried a token or a frame was
 * recorded before a rule existed).
 */
export function exportProtocolLog(connectorLabel: string, stats: ProtocolLogStatsRow, frames: ProtocolFrameRow[], exportedAt = Date.now()): string {
  return JSON.stringify(
    {
      format: 'patchbay-protocol-log/1',
      connector: connectorLabel,
      exportedAt: new Date(exportedAt).toISOString(),
      recorded: stats.total,
      dropped: stats.dropped,
      frames: frames.map(({ id: _id, connectorId: _connector, ...frame }) => scrubDeep(redactDeep(frame))),
    },
    null,
    2,
  );
}
