import { SEVERITIES, severityWord, type ReportSummary as Summary } from '@/lib/contract/report-finding';

/** The card's top line: how many tools, what their schemas cost against the model's limit, counts per severity. */
export function ReportSummary({ summary }: { summary: Summary }) {
  const over = summary.tools > summary.toolLimit;
  return (
    <div className="card report-summary" role="status" aria-label="Report summary">
      <div className="report-counts">
        {SEVERITIES.map((severity) => (
          <div key={severity} className="report-count" data-severity={severity}>
            <span className="report-count-value">{summary.counts[severity]}</span>
            <span className="report-count-label">{plural(severityWord(severity), summary.counts[severity])}</span>
          </div>
        ))}
      </div>
      <p className="small muted">
        {summary.tools} tool{summary.tools === 1 ? '' : 's'} · ≈{formatTokens(summary.schemaTokens)} schema tokens in every request ·{' '}
        <span data-tone={over ? 'warn' : undefined} className="report-limit">
          {over ? 'over' : 'within'} the limit of {summary.toolLimit} tools{summary.model ? ` for ${summary.model}` : ''}
        </span>
      </p>
      {summary.toolTokens.length > 0 && (
        <details className="report-tokens">
          <summary className="small">Schema tokens per tool</summary>
          <ul className="report-token-list">
            {summary.toolTokens.map(({ tool, tokens }) => (
              <li key={tool}>
                <span className="mono">{tool}</span>
                <span className="muted">≈{formatTokens(tokens)}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

function plural(word: string, count: number): string {
  return count === 1 || word === 'Info' ? word : `${word}s`;
}

function formatTokens(tokens: number): string {
  return tokens < 1000 ? String(tokens) : `${(tokens / 1000).toFixed(tokens < 10_000 ? 1 : 0)}k`;
}
