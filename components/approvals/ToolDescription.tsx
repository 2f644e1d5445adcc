import { useState } from 'react';

/** Past this many characters a description is folded to two lines, with a button for the rest. */
const FOLDED_OVER = 140;

/**
 * The tool's description on an approval card: the server's words, as plain text. A long one is
 * folded to two lines so the input and the actions keep the first screen; **Show all** unfolds it.
 */
export function ToolDescription({ text }: { text: string }) {
  const [open, setOpen] = useState(false);
  const long = text.length > FOLDED_OVER;
  return (
    <div className="approval-description">
      <p className="tool-description-text" data-folded={long && !open}>
        {text}
      </p>
      {long && (
        <button type="button" className="btn btn-link btn-small" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'Show less' : 'Show all'}
        </button>
      )}
    </div>
  );
}
