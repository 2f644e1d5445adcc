import { createContext, useContext } from 'react';

/** Switches the panel to the Chat tab (after Insert, so the user sees what went into the composer). */
export const OpenChatContext = createContext<() => void>(() => undefined);

export function useOpenChat(): () => void {
  return useContext(OpenChatContext);
}
