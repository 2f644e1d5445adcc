import { SEVERITIES, severityWord, type FindingSeverity } from '@/lib/contract/report-finding';

/** How the findings are grouped: under each tool, or under each severity (worst first). */
export type FindingGrouping = 'severity' | 'tool';

interface FindingControlsProps {
  counts: Record<FindingSeverity, number>;
  shown: ReadonlySet<FindingSeverity>;
  onToggle(severity: FindingSeverity): void;
  grouping: FindingGrouping;
  onGrouping(grouping: FindingGrouping): void;
}

/** Which severities are shown (a checkbox each, with its count) and how the list is grouped. */
export function FindingControls({ counts, shown, onToggle, grouping, onGrouping }: FindingControlsProps) {
  return (
    <div className="row spread report-controls">
      <fieldset className="row report-filter" aria-label="Show severities">
        {SEVERITIES.map((severity) => (
          <label key={severity} className="chip" data-severity={severity}>
            <input type="checkbox" checked={shown.has(severity)} onChange={() => onToggle(severity)} />
            {severityWord(severity)} ({counts[severity]})
          </label>
        ))}
      </fieldset>
      <div className="segmented" role="group" aria-label="Group findings">
        <button type="button" aria-pressed={grouping === 'severity'} onClick={() => onGrouping('severity')}>
          By severity
        </button>
        <button type="button" aria-pressed={grouping === 'tool'} onClick={() => onGrouping('tool')}>
          By tool
        </button>
      </div>
    </div>
  );
}
