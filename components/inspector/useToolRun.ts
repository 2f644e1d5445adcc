import { useEffect, useRef, useState } from 'react';
import { sendCommand } from '@/lib/messaging/command-client';
import { CommandError } from '@/lib/messaging/command-error';
import type { CommandRequest, CommandResponse } from '@/lib/messaging/command-protocol';
import { usePanelServices } from '../app/panel-services';
import { errorText } from '../ui/error-text';

/** A manual tool run: idle, running (with the latest progress), or finished one way or another. */
export type ToolRunState =
  | { phase: 'idle' }
  | { phase: 'running'; callId: string; progress: { progress: number; total?: number; message?: string } | null }
  | { phase: 'done'; callId: string; outcome: CommandResponse<'connectors.callTool'> }
  | { phase: 'failed'; reason: 'error' | 'cancelled' | 'interrupted'; message: string };

/** Where a replay came from: it is sent through `replay.run`, which applies the chat's approval rule. */
export type ReplaySource = CommandRequest<'replay.run'>['replayOf'];

/**
 * Runs a tool through the background, following its progress and letting the user stop it. A
 * replay goes through `replay.run` instead of a plain hand run; its call id is always fresh.
 */
export function useToolRun(connectorId: string, toolName: string, replayOf?: ReplaySource) {
  const { link } = usePanelServices();
  const [state, setState] = useState<ToolRunState>({ phase: 'idle' });
  const current = useRef<string | null>(null);
  const cancelled = useRef(false);

  useEffect(
    () =>
      link.onEvent((event) => {
        if (event.type !== 'tool-progress' || event.callId !== current.current) return;
        const { progress, total, message } = event;
        setState((s) => (s.phase === 'running' && s.callId === event.callId ? { ...s, progress: { progress, total, message } } : s));
      }),
    [link],
  );

  async function run(args: Record<string, unknown>, callId: string = crypto.randomUUID()): Promise<void> {
    current.current = callId;
    cancelled.current = false;
    setState({ phase: 'running', callId, progress: null });
    try {
      const outcome = replayOf
        ? await sendCommand('replay.run', { connectorId, callId, toolName, args, replayOf })
        : await sendCommand('connectors.callTool', { id: connectorId, callId, toolName, args });
      if (current.current === callId) setState({ phase: 'done', callId, outcome });
    } catch (error) {
      if (current.current === callId) setState(failure(error, cancelled.current));
    }
  }

  function stop(): void {
    if (state.phase !== 'running') return;
    cancelled.current = true;
    void sendCommand('connectors.cancelCall', { callId: state.callId });
  }

  return { state, run, stop };
}

/** A run that died with the worker is not an ordinary error: its outcome on the server is unknown. */
function failure(error: unknown, cancelled: boolean): ToolRunState {
  if (cancelled) return { phase: 'failed', reason: 'cancelled', message: errorText(error) };
  if (error instanceof CommandError && error.code === 'no-background') {
    return {
      phase: 'failed',
      reason: 'interrupted',
      message: 'The background stopped during the call, so its outcome is unknown: the tool may or may not have run on the server.',
    };
  }
  return { phase: 'failed', reason: 'error', message: errorText(error) };
}
