import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { overriddenToolNames } from '@/lib/db/repositories/tool-overrides-repository';
import { sendCommand } from '@/lib/messaging/command-client';
import { usePanelServices } from '../app/panel-services';
import { errorText } from '../ui/error-text';

/**
 * The chat's per-conversation switch for what-if descriptions: shown only when a selected
 * connector has some. On, the model is shown the overriding texts; the server never is.
 */
export default function WhatIfSwitch({ conversationId, on, connectorIds }: { conversationId: string; on: boolean; connectorIds: readonly string[] }) {
  const { db } = usePanelServices();
  const count = useLiveQuery(async () => (await Promise.all(connectorIds.map((id) => overriddenToolNames(db, id)))).reduce((sum, names) => sum + names.size, 0), [db, connectorIds.join('\u0000')]);
  const [error, setError] = useState<string | null>(null);
  if (!count) return null;
  return (
    <div className="check small">
      <button
        type="button"
        role="switch"
        className="switch"
        aria-checked={on}
        aria-label="Use what-if descriptions"
        onClick={() => {
          setError(null);
          sendCommand('overrides.setForConversation', { conversationId, on: !on }).catch((failure: unknown) => setError(errorText(failure)));
        }}
      />
      <span className={on ? '' : 'muted'}>
        What-if descriptions for {count} tool{count === 1 ? '' : 's'}: shown to the model, never sent to the server
      </span>
      {error && <span role="alert">{error}</span>}
    </div>
  );
}
