import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { AppHost, AppPermission, AppResourceOutcome } from '@/lib/contract/app-resource';
import type { ConnectorRow } from '@/lib/db/rows';
import { sendCommand } from '@/lib/messaging/command-client';
import { usePanelServices } from '../app/panel-services';
import { errorText } from '../ui/error-text';
import { AppFrame } from './AppFrame';
import './apps.css';
import type { ToolAppProps } from './ToolApp';

/**
 * A tool's app inside its call's card: the page is fetched by the background (cached per tool
 * definition), then rendered in the sandbox proxy. A page that cannot be shown says why, and the
 * card keeps its JSON (Details) as before. Permissions the app asks for are off until allowed here.
 */
export default function AppCard(props: ToolAppProps & { conversationId: string | null }) {
  const { connectorId, toolName, callId, conversationId } = props;
  const { db } = usePanelServices();
  const [outcome, setOutcome] = useState<AppResourceOutcome | null>(null);
  const [granted, setGranted] = useState<readonly AppPermission[]>([]);
  const connector = useLiveQuery(async () => (await db.connectors.get(connectorId)) as ConnectorRow | undefined, [db, connectorId]);

  useEffect(() => {
    let live = true;
    sendCommand('apps.resource', { connectorId, toolName }).then(
      (answer) => live && setOutcome(answer),
      (error: unknown) => live && setOutcome({ ok: false, reason: errorText(error) }),
    );
    return () => {
      live = false;
    };
  }, [connectorId, toolName]);

  if (!outcome) return <p className="small muted">Loading the app…</p>;
  if (!outcome.ok) {
    return (
      <p className="small muted app-fallback" role="note">
        The app of {toolName} cannot be shown: {outcome.reason} Its output is under Details.
      </p>
    );
  }
  const host: AppHost = conversationId && callId ? { type: 'chat-call', conversationId, callId, connectorId, toolName } : { type: 'hand-run', connectorId, toolName };
  const asked = outcome.resource.permissions;
  return (
    <div className="stack app-card">
      {asked.length > 0 && (
        <fieldset className="app-permissions">
          <legend className="small">The app asks for</legend>
          {asked.map((permission) => (
            <label key={permission} className="check small">
              <input
                type="checkbox"
                checked={granted.includes(permission)}
                onChange={(event) => setGranted(event.target.checked ? [...granted, permission] : granted.filter((p) => p !== permission))}
              />
              Allow {permission}
            </label>
          ))}
        </fieldset>
      )}
      <AppFrame key={granted.join(',')} session={{ resource: outcome.resource, host, args: props.args, result: props.result, granted }} toolName={toolName} connector={connector} />
    </div>
  );
}
