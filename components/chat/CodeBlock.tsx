import { useRef, useState, type ComponentProps } from 'react';
import './code-block.css';

/**
 * A fenced code block with a Copy button; the code is copied as text, exactly as shown. The button
 * sits in a bar above the code (not over it), so a long line scrolls under nothing at 400 px. A long
 * line scrolls sideways, so the block is a tab stop: the keyboard can scroll it too.
 */
export function CodeBlock({ children }: ComponentProps<'pre'>) {
  const ref = useRef<HTMLPreElement>(null);
  const [copied, setCopied] = useState(false);

  async function copy() {
    await navigator.clipboard.writeText(ref.current?.textContent ?? '');
    setCopied(true);
    setTimeout(() => setCopied(false), 1_500);
  }

  return (
    <div className="code-block">
      <div className="code-head">
        <button className="btn btn-small code-copy" type="button" onClick={() => void copy()}>
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
      <pre ref={ref} tabIndex={0}>{children}</pre>
    </div>
  );
}
