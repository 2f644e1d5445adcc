import { useState } from 'react';
import type { ResourceContentView } from '@/lib/contract/resource-view';
import { sendCommand } from '@/lib/messaging/command-client';
import { errorText } from '../ui/error-text';
import { attachResource } from './attach-resource';

/** What a resource row shows after Read or Attach: the contents, what happened, or why it failed. */
export interface ResourceActions {
  contents: readonly ResourceContentView[] | null;
  note: string | null;
  failure: string | null;
  busy: boolean;
  read(): void;
  attach(): void;
}

/** Read and Attach for one resource URI on a connector. */
export function useResourceActions(connectorId: string, uri: string, name: string): ResourceActions {
  const [contents, setContents] = useState<readonly ResourceContentView[] | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function act(work: () => Promise<void>) {
    setBusy(true);
    setFailure(null);
    setNote(null);
    try {
      await work();
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  }

  return {
    contents,
    note,
    failure,
    busy,
    read: () => void act(async () => setContents((await sendCommand('resources.read', { connectorId, uri })).contents)),
    attach: () =>
      void act(async () => {
        const { subscribed } = await attachResource(connectorId, uri, name);
        setNote(`Attached to the next message${subscribed ? '; you will see if it changes' : ''}.`);
      }),
  };
}
