import type { ReplayCommandHandlers } from './replay-command-handlers';
import type { SavedCallCommandHandlers } from './saved-call-command-handlers';
import type { TraceCommandHandlers } from './trace-command-handlers';

/** The commands of saved calls, replays and traces, wired together by the background's start-up. */
export type WorkbenchCallHandlers = SavedCallCommandHandlers & ReplayCommandHandlers & TraceCommandHandlers;
