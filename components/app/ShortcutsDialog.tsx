import { Fragment, useEffect, useRef } from 'react';
import { SHORTCUTS } from './shortcuts';

/**
 * The shortcuts help, a modal `dialog` named **Keyboard shortcuts** (opened with `?` or the
 * header's button). Esc or Close shuts it and focus returns where it was. Also says which build
 * this is, since the footer only shows when something is wrong.
 */
export default function ShortcutsDialog({ version, onClose }: { version: string; onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.current?.showModal();
    return () => opener?.focus();
  }, []);

  return (
    <dialog ref={dialog} className="run-dialog shortcuts-dialog" aria-labelledby="shortcuts-title" onClose={onClose}>
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <dl className="shortcut-list">
        {SHORTCUTS.map((shortcut) => (
          <Fragment key={shortcut.id}>
            <dt>{shortcut.label}</dt>
            <dd>
              {shortcut.keys.map((combo, index) => (
                <span key={combo.join('+')} className="shortcut-combo">
                  {index > 0 && <span className="muted small"> or </span>}
                  {combo.map((key, at) => (
                    <Fragment key={key}>
                      {at > 0 && <span aria-hidden="true">+</span>}
                      <kbd>{key}</kbd>
                    </Fragment>
                  ))}
                </span>
              ))}
            </dd>
          </Fragment>
        ))}
      </dl>
      <p className="small muted">
        <kbd>/</kbd> and <kbd>?</kbd> work when you are not typing in a field; <kbd>Esc</kbd> stops a run unless a dialog or the conversation list is open.
      </p>
      <div className="row spread">
        <span className="small muted">Patchbay {version}</span>
        <button type="button" className="btn" autoFocus onClick={() => dialog.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  );
}
