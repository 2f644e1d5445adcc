import { byTool } from '@/lib/contract/report-markdown';
import { SEVERITIES, severityWord, type Finding } from '@/lib/contract/report-finding';
import { FindingItem } from './FindingItem';
import type { FindingGrouping } from './FindingControls';

interface FindingGroup {
  key: string;
  title: string;
  findings: Finding[];
}

/** The findings under a heading per tool or per severity; each group is a list of `listitem`s. */
export function FindingList({ findings, grouping }: { findings: readonly Finding[]; grouping: FindingGrouping }) {
  return (
    <div className="stack report-groups">
      {groupsOf(findings, grouping).map((group) => (
        <section key={group.key} className="report-group" aria-label={group.title}>
          <h3 className="report-group-title">
            {group.title} <span className="badge">{group.findings.length}</span>
          </h3>
          <ul className="findings">
            {group.findings.map((finding, index) => (
              <FindingItem key={`${finding.check}-${finding.tool ?? ''}-${index}`} finding={finding} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function groupsOf(findings: readonly Finding[], grouping: FindingGrouping): FindingGroup[] {
  switch (grouping) {
    case 'severity':
      return SEVERITIES.map((severity) => ({ key: severity, title: severityWord(severity), findings: findings.filter((f) => f.severity === severity) })).filter((g) => g.findings.length > 0);
    case 'tool':
      return [...byTool(findings)].map(([tool, list]) => ({ key: `tool:${tool ?? ''}`, title: tool ?? 'Whole connector', findings: list }));
  }
}
