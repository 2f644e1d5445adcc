import type { PagedList } from './usePagedList';

/** Below a paged list: loading, its failure in words, and **Load more** while the server has pages left. */
export function ListPaging({ list, noun }: { list: PagedList<unknown>; noun: string }) {
  return (
    <>
      {list.loading && <p className="muted small" aria-busy="true">Loading {noun}…</p>}
      {list.failure && (
        <div className="notice" data-tone="error" role="alert">
          Could not list the {noun}: {list.failure}
        </div>
      )}
      {list.more && !list.loading && (
        <button type="button" className="btn btn-link" onClick={list.loadMore}>
          Load more {noun}
        </button>
      )}
    </>
  );
}
