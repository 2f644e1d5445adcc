import type { ServerRequestRow } from '@/lib/contract/server-request';
import { ElicitationFormCard } from './ElicitationFormCard';
import { ElicitationUrlCard } from './ElicitationUrlCard';
import './requests.css';

/** One server request's card, by its kind. */
export function ServerRequestCard({ row }: { row: ServerRequestRow }) {
  switch (row.kind) {
    case 'elicitation-form':
      return <ElicitationFormCard row={row} />;
    case 'elicitation-url':
      return <ElicitationUrlCard row={row} />;
    case 'sampling':
      // The sampling card (i13-sampling) renders here.
      return null;
  }
}

/** Several requests, oldest first; nothing at all when there are none. */
export function ServerRequestList({ rows, label }: { rows: readonly ServerRequestRow[]; label: string }) {
  if (rows.length === 0) return null;
  return (
    <section className="request-list stack" aria-label={label}>
      {rows.map((row) => (
        <ServerRequestCard key={row.id} row={row} />
      ))}
    </section>
  );
}
