import { useState } from 'react';
import { sendCommand } from '@/lib/messaging/command-client';
import { connectorChoices } from '@/lib/db/repositories/connector-listing';
import { usePanelServices } from '../app/panel-services';

/**
 * Refresh all: every connected connector's tool list fetched again at once, in one command.
 * Connectors that are not connected are left to their own card (Reconnect, Sign in); a failure
 * is named with its connector, and the other lists are stored all the same.
 */
export function RefreshAllButton() {
  const { db } = usePanelServices();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function refreshAll() {
    setBusy(true);
    setProblem(null);
    try {
      const { failed } = await sendCommand('connectors.refreshAll', {});
      if (failed.length > 0) {
        const labels = new Map((await connectorChoices(db)).map(({ id, label }) => [id, label]));
        setProblem(failed.map(({ id, message }) => `${labels.get(id) ?? 'A removed connector'}: ${message}`).join('\n'));
      }
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button className="btn" type="button" aria-label="Refresh all tools" disabled={busy} onClick={() => void refreshAll()}>
        {busy ? 'Refreshing…' : 'Refresh all'}
      </button>
      {problem && (
        <p className="notice refresh-all-problem" data-tone="error" role="alert">
          {problem}
        </p>
      )}
    </>
  );
}
