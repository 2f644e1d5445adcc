import type { DatabaseOpenError } from '@/lib/db/database-open-error';

/** Shown instead of the panel when IndexedDB will not open: what happened and what to do. */
export function DatabaseErrorScreen({ error }: { error: DatabaseOpenError }) {
  return (
    <main className="fatal" role="alert" aria-label="Database error">
      <h1>Patchbay can’t open its database</h1>
      <p>{error.message}</p>
      <details>
        <summary>Technical details</summary>
        <pre>{`${error.code}: ${error.detail}`}</pre>
      </details>
      <div className="row">
        <button className="btn btn-primary" type="button" onClick={() => location.reload()}>
          Try again
        </button>
      </div>
    </main>
  );
}
