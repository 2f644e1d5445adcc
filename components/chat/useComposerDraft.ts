import { useSyncExternalStore } from 'react';
import { composerDraft, type ComposerDraftState } from './composer-draft';

/** The composer's draft for rendering; changes wherever it was made (see `composerDraft`). */
export function useComposerDraft(): ComposerDraftState {
  return useSyncExternalStore(
    (onChange) => composerDraft.subscribe(onChange),
    () => composerDraft.snapshot,
    () => composerDraft.snapshot,
  );
}
