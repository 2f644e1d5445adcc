import { useState } from 'react';
import { isTerminalTaskStatus, TASK_STATUS_TEXT } from '@/lib/contract/tool-task';
import { sendCommand } from '@/lib/messaging/command-client';
import type { ToolCallPart } from './message-state';
import { progressText, useCallProgress } from './useCallProgress';

/**
 * What a running call's card adds under its status: the server's progress as a `progressbar`
 * (value and max when the server gave a total), and **Cancel**, which stops that one call (the
 * run goes on). A call the server runs as a task shows the task's status and **Cancel task**
 * instead (the server is sent `tasks/cancel`). The server's words are shown as plain text.
 */
export function RunningCallControls({ conversationId, call }: { conversationId: string; call: ToolCallPart }) {
  const running = call.status.type === 'running';
  const progress = useCallProgress(call.callId, running);
  const [cancelling, setCancelling] = useState(false);
  const task = call.task;
  if (!running && !task) return null;
  const live = running && (!task || !isTerminalTaskStatus(task.status));

  async function cancel() {
    setCancelling(true);
    try {
      await sendCommand('chat.cancelCall', { conversationId, callId: call.callId });
    } catch {
      setCancelling(false);
    }
  }

  return (
    <div className="call-running">
      {task && (
        <p className="small call-task" data-status={task.status}>
          <span className="call-task-status">{TASK_STATUS_TEXT[task.status]}</span>
          {task.statusMessage && <span className="muted call-task-message"> · {task.statusMessage}</span>}
        </p>
      )}
      {progress && (
        <div className="call-progress">
          <progress aria-label={`Progress of ${call.toolName}`} value={progress.progress} max={progress.total !== undefined && progress.total > 0 ? progress.total : undefined} />
          <span className="small muted call-progress-text">{progressText(progress)}</span>
        </div>
      )}
      {live && (
        <div className="row">
          <button className="btn btn-small" type="button" disabled={cancelling} onClick={() => void cancel()}>
            {task ? 'Cancel task' : 'Cancel'}
          </button>
          {cancelling && <span className="small muted">{task ? 'Asking the server to cancel the task…' : 'Cancelling…'}</span>}
        </div>
      )}
    </div>
  );
}
