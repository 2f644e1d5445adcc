import { useCallback, useEffect, useState } from 'react';
import { sendCommand } from '@/lib/messaging/command-client';

/** A deletion the user may still take back: the backup the background answered, for `chat.import`. */
export interface PendingUndo {
  title: string;
  backup: string;
}

const UNDO_WINDOW_MS = 10_000;

/** Deletes a conversation and keeps its backup for ten seconds, so Undo restores it exactly. */
export function useDeleteWithUndo(onRestored: (conversationId: string) => void) {
  const [pending, setPending] = useState<PendingUndo | null>(null);

  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(() => setPending(null), UNDO_WINDOW_MS);
    return () => clearTimeout(timer);
  }, [pending]);

  const remove = useCallback(async (conversationId: string, title: string) => {
    const { backup } = await sendCommand('chat.delete', { conversationId });
    setPending({ title, backup });
  }, []);

  const undo = useCallback(async () => {
    if (!pending) return;
    const answer = await sendCommand('chat.import', { text: pending.backup, keepId: true });
    if (!answer.ok) throw new Error(answer.error);
    setPending(null);
    onRestored(answer.conversationId);
  }, [pending, onRestored]);

  return { pending, remove, undo, dismiss: () => setPending(null) };
}
