import type { RunContext } from './run-context';
import type { RunState } from './run-state';

/** How a run ended: where the conversation stands now, and the model's error if that ended it. */
export interface RunOutcome {
  runId: string;
  state: RunState;
  error: unknown;
}

/**
 * A started run. `accepted` settles once the command is written (the user's message stored, the
 * decision recorded) or refused, so a caller can answer the panel without waiting for the model;
 * `done` settles when the run ends, and rejects too when the command was refused.
 */
export interface RunHandle {
  runId: string;
  accepted: Promise<void>;
  done: Promise<RunOutcome>;
}

/** Writes the command into the conversation before the run goes on (or refuses it by throwing). */
export type Prepare = (ctx: RunContext) => Promise<void>;

/** What starting a run needs of the engine: the run's context, and the loop that drives it. */
export interface RunLauncher {
  contextFor(conversationId: string, runId: string, signal: AbortSignal, panelSessionId: string | undefined): Promise<RunContext>;
  drive(ctx: RunContext): Promise<RunOutcome>;
}

/**
 * The runs in progress, at most one per conversation, each with its id and AbortController. Kept
 * apart from the engine so the rules of replacing a run (`start`) and of joining one (`join`) are
 * read in one place.
 */
export class RunningRuns {
  private readonly runs = new Map<string, { runId: string; controller: AbortController; done: Promise<RunOutcome> }>();

  constructor(private readonly launcher: RunLauncher) {}

  /** The run in progress for the conversation, if any. */
  current(conversationId: string): { controller: AbortController; done: Promise<RunOutcome> } | undefined {
    return this.runs.get(conversationId);
  }

  /** Conversations with a run in progress (or about to start). */
  conversationIds(): string[] {
    return [...this.runs.keys()];
  }

  /**
   * Registers the new run at once (so two commands in a row cannot both run), aborts the one before
   * and lets it write its cancellation before `prepare` touches the conversation.
   */
  start(conversationId: string, prepare: Prepare, panelSessionId?: string): RunHandle {
    const previous = this.runs.get(conversationId);
    previous?.controller.abort();
    const runId = crypto.randomUUID();
    const controller = new AbortController();
    const settled = previous ? previous.done.then(() => undefined, () => undefined) : Promise.resolve();
    const gate = acceptance();
    const done = settled
      .then(async () => {
        const ctx = await this.launcher.contextFor(conversationId, runId, controller.signal, panelSessionId);
        await prepare(ctx);
        gate.accept();
        return this.launcher.drive(ctx);
      })
      .catch((error: unknown) => {
        gate.refuse(error);
        throw error;
      });
    this.track(conversationId, runId, controller, done);
    return { runId, accepted: gate.accepted, done };
  }

  /**
   * A decision is recorded at once and never aborts the run in progress, which may be sending
   * another approved call: the run it starts waits for that one to end (a Stop of either reaches
   * both), then goes on from the stored conversation. A refused decision starts no run at all.
   */
  join(conversationId: string, prepare: Prepare, panelSessionId?: string): RunHandle {
    const runId = crypto.randomUUID();
    const controller = new AbortController();
    const gate = acceptance();
    const done = (async () => {
      const ctx = await this.launcher.contextFor(conversationId, runId, controller.signal, panelSessionId);
      await prepare(ctx);
      gate.accept();
      const previous = this.runs.get(conversationId);
      if (previous) controller.signal.addEventListener('abort', () => previous.controller.abort(), { once: true });
      const settled = previous ? previous.done.then(() => undefined, () => undefined) : Promise.resolve();
      const own = settled.then(() => this.launcher.drive(ctx));
      this.track(conversationId, runId, controller, own);
      return own;
    })().catch((error: unknown) => {
      gate.refuse(error);
      throw error;
    });
    // As for `start`: the refusal is the caller's to read from `accepted`; it must not go unhandled.
    done.catch(() => undefined);
    return { runId, accepted: gate.accepted, done };
  }

  private track(conversationId: string, runId: string, controller: AbortController, done: Promise<RunOutcome>): void {
    const entry = { runId, controller, done };
    this.runs.set(conversationId, entry);
    done
      .finally(() => {
        if (this.runs.get(conversationId)?.runId === runId) this.runs.delete(conversationId);
      })
      .catch(() => undefined);
  }
}

/** `accepted` of a run handle: settles once the command is written or refused, and never goes unhandled. */
function acceptance(): { accepted: Promise<void>; accept(): void; refuse(error: unknown): void } {
  let accept!: () => void;
  let refuse!: (error: unknown) => void;
  const accepted = new Promise<void>((resolve, reject) => {
    accept = resolve;
    refuse = reject;
  });
  // A caller that only awaits `done` still sees a refusal there; this one must not go unhandled.
  accepted.catch(() => undefined);
  return { accepted, accept, refuse };
}
