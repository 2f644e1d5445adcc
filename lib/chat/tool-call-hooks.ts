import type { ToolTask } from '../contract/tool-task';
import type { MessagePart } from '../db/message-parts';
import type { MessageWriter } from './message-writer';
import { updatePart } from './parts';
import { throttleLatest } from './progress-throttle';
import type { RunContext } from './run-context';

/** The longest progress message passed to the panel: the server's text, shown as plain text. */
const MAX_PROGRESS_MESSAGE = 300;

export interface CallProgress {
  progress: number;
  total?: number;
  message?: string;
}

/**
 * What a running call reports while it runs. Progress goes to open panels only, throttled (see
 * `throttleLatest`), never to the database; a task's state is written on the call part when its
 * status or message changed, so a restarted worker finds the task id and the card shows the status.
 */
export function toolCallHooks(writer: MessageWriter, partId: string, callId: string, ctx: Pick<RunContext, 'emit' | 'conversationId'>) {
  const progress = throttleLatest<CallProgress>((value) => ctx.emit({ type: 'tool-progress', conversationId: ctx.conversationId, callId, progress: value }));
  let writes: Promise<unknown> = Promise.resolve();
  let stored: ToolTask | undefined;
  return {
    onProgress({ progress: value, total, message }: CallProgress): void {
      progress.push({ progress: value, ...(total !== undefined ? { total } : {}), ...(message ? { message: message.slice(0, MAX_PROGRESS_MESSAGE) } : {}) });
    },
    onTask(task: ToolTask): void {
      if (stored && stored.taskId === task.taskId && stored.status === task.status && stored.statusMessage === task.statusMessage) return;
      stored = task;
      // Chained, so a late poll never overwrites a newer state; a failed write is met by the next one.
      writes = writes.then(() => writer.edit((parts) => withTask(parts, partId, task))).catch(() => undefined);
    },
    /** Stops the progress updates and waits for the task writes still under way. */
    async settle(): Promise<void> {
      progress.stop();
      await writes;
    },
  };
}

function withTask(parts: MessagePart[], partId: string, task: ToolTask): MessagePart[] {
  return updatePart(parts, partId, (part) => (part.type === 'tool-call' ? { ...part, task } : part));
}
