import { ToolSchema, type Tool } from '@modelcontextprotocol/sdk/types.js';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { droppedOf } from '@/lib/contract/schema-form-values';
import { fieldsOf } from '@/lib/contract/schema-form';
import type { ConnectorRow } from '@/lib/db/rows';
import { usePanelServices } from '../app/panel-services';
import RunToolDialog from './RunToolDialog';
import type { ReplaySource } from './useToolRun';

export interface ReplayDialogProps {
  connectorId: string;
  toolName: string;
  /** The input the call was sent with (the approved edit when there was one). */
  args: Record<string, unknown>;
  /** The definition's fingerprint when the call was made: a different one now means the tool changed. */
  toolFingerprint?: string;
  replayOf: ReplaySource;
  onClose(): void;
}

/**
 * Replay of a chat call, over the chat: the Run dialog for the connector's current definition of
 * the tool, filled with the call's input. A changed tool is said so; a tool that is gone cannot be
 * run, only read about.
 */
export default function ReplayDialog({ connectorId, toolName, args, toolFingerprint, replayOf, onClose }: ReplayDialogProps) {
  const { db } = usePanelServices();
  const loaded = useLiveQuery(async () => ({ row: ((await db.connectors.get(connectorId)) as ConnectorRow | undefined) ?? null }), [db, connectorId]);
  // The definition is read once: a tool changing while the dialog is open must not reset the form.
  const [tool, setTool] = useState<Tool | null | undefined>(undefined);
  useEffect(() => {
    if (loaded && tool === undefined) setTool(toolOf(loaded.row, toolName));
  }, [loaded, tool, toolName]);
  if (loaded === undefined || tool === undefined) return null;
  if (tool === null) return <GoneDialog toolName={toolName} connectorLabel={loaded.row?.label ?? null} onClose={onClose} />;
  const changed = toolFingerprint !== undefined && loaded.row?.toolFingerprints[toolName] !== undefined && loaded.row.toolFingerprints[toolName] !== toolFingerprint;
  const dropped = droppedOf(fieldsOf(tool.inputSchema), args);
  const notice = (
    <>
      <p className="muted small replay-notice">A replay of a call from the chat, sent under a new call id. Edit the input, then Run.</p>
      {(changed || dropped.length > 0) && (
        <p className="notice replay-notice" data-tone="warn" role="status">
          {changed && `${toolName} has changed since this call was made: check the input against its current definition. `}
          {dropped.length > 0 && `Not carried over (the tool no longer takes them): ${dropped.join(', ')}.`}
        </p>
      )}
    </>
  );
  return <RunToolDialog connectorId={connectorId} tool={tool} initialArgs={args} replayOf={replayOf} notice={notice} onClose={onClose} />;
}

function toolOf(row: ConnectorRow | null, toolName: string): Tool | null {
  const raw = row?.tools.find((t) => t.name === toolName);
  const parsed = raw === undefined ? null : ToolSchema.safeParse(raw);
  return parsed?.success ? parsed.data : null;
}

/** The Run dialog of a tool the server no longer offers: why it cannot be replayed, and Close. */
function GoneDialog({ toolName, connectorLabel, onClose }: { toolName: string; connectorLabel: string | null; onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => dialog.current?.showModal(), []);
  return (
    <dialog ref={dialog} className="run-dialog" aria-label={`Run ${toolName}`} onClose={onClose}>
      <div className="stack">
        <header className="row spread">
          <h2>
            Run <code>{toolName}</code>
          </h2>
          <button type="button" className="btn" onClick={() => dialog.current?.close()}>
            Close
          </button>
        </header>
        <p className="notice" data-tone="warn" role="status">
          {connectorLabel === null ? 'The connector this call went to has been removed' : `${connectorLabel} no longer offers ${toolName}`}, so the call cannot be replayed. Refresh the connector’s tools if you expect it back.
        </p>
      </div>
    </dialog>
  );
}
