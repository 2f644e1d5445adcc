import { confusionOf } from '@/lib/contract/eval-summary';
import type { EvalRunRow } from '@/lib/contract/eval-run';

/** Expected × chosen counts per tool: the right picks, and which tool is mistaken for which. */
export function ConfusionView({ run }: { run: EvalRunRow }) {
  const cells = confusionOf(run);
  if (cells.length === 0) return null;
  return (
    <details>
      <summary>Confusion by tool</summary>
      <div className="eval-table-wrap">
        <table className="eval-table" aria-label="Confusion by tool">
          <thead>
            <tr>
              <th scope="col">Expected</th>
              <th scope="col">Chosen</th>
              <th scope="col" className="num">Count</th>
            </tr>
          </thead>
          <tbody>
            {cells.map((cell) => (
              <tr key={`${cell.expected}\u0000${cell.chosen}`}>
                <td className="mono">{cell.expected}</td>
                <td className="mono">
                  {cell.chosen} {cell.chosen === cell.expected ? <span className="badge">right</span> : null}
                </td>
                <td className="num">{cell.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
