import { createContext, useContext } from 'react';

/**
 * A request to show one connector's protocol log around a moment: a tool call card asks for the
 * frames its call produced (from its start to its end), and the Connectors screen opens that
 * connector's log filtered to them.
 */
export interface LogFocus {
  connectorId: string;
  /** Epoch ms; frames recorded in [from, to] are shown. */
  from: number;
  to: number;
  /** Why this window: shown above the frames, e.g. "Frames of echo at 10:42:03". */
  label: string;
}

/** Opens the Connectors tab at a connector's log; `null` outside the panel shell (tests, previews). */
export const LogFocusContext = createContext<((focus: LogFocus) => void) | null>(null);

export function useOpenProtocolLog(): ((focus: LogFocus) => void) | null {
  return useContext(LogFocusContext);
}

/** Slack around a call's start and end: the request is recorded just before `startedAt` is written. */
export const LOG_FOCUS_MARGIN_MS = 250;
