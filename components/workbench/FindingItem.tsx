import { useId } from 'react';
import { severityWord, type Finding } from '@/lib/contract/report-finding';

/**
 * One finding: its severity word first and the tool it is about (these two name the list item),
 * then what is wrong and the fix. Server names inside are plain text; `code` spans only set them apart.
 */
export function FindingItem({ finding }: { finding: Finding }) {
  const headId = useId();
  return (
    <li className="finding" data-severity={finding.severity} aria-labelledby={headId}>
      <div className="finding-head" id={headId}>
        <span className="finding-severity">{severityWord(finding.severity)}</span>{' '}
        <span className="finding-tool">{finding.tool ?? 'Whole connector'}</span>
      </div>
      <p className="finding-message">
        <CodeSpans text={finding.message} />
      </p>
      <p className="finding-fix">
        <span className="finding-fix-label">Fix:</span> <CodeSpans text={finding.fix} />
      </p>
      <span className="finding-check mono muted">{finding.check}</span>
    </li>
  );
}

/** Text with its backtick-quoted parts as `<code>`, everything rendered as text (never as HTML). */
function CodeSpans({ text }: { text: string }) {
  return (
    <>
      {text.split(/(`[^`]*`)/).map((part, index) => (index % 2 === 1 ? <code key={index}>{part.slice(1, -1)}</code> : part))}
    </>
  );
}
