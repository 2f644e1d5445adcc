import { useState } from 'react';
import { sendCommand } from '@/lib/messaging/command-client';
import { errorText } from '../ui/error-text';
import { composerDraft } from './composer-draft';

/**
 * **Attach page**: the current tab's selection, or else its readable text, becomes a chip in the
 * composer. The background reads the tab (the panel holds no access to pages); a tab it may not
 * read says why and what to do, and the draft is left as it was.
 */
export function AttachPageButton() {
  const [state, setState] = useState<{ busy: boolean; problem: string | null }>({ busy: false, problem: null });

  async function attach() {
    setState({ busy: true, problem: null });
    try {
      composerDraft.attach(await sendCommand('page.attach', {}));
      setState({ busy: false, problem: null });
    } catch (error) {
      setState({ busy: false, problem: errorText(error) });
    }
  }

  return (
    <>
      <button className="btn btn-small" type="button" onClick={() => void attach()} disabled={state.busy} aria-describedby={state.problem ? 'attach-page-problem' : undefined}>
        {state.busy ? 'Reading page…' : 'Attach page'}
      </button>
      {state.problem && (
        <p id="attach-page-problem" className="small attach-page-problem" role="alert">
          {state.problem}
        </p>
      )}
    </>
  );
}
