import { stepMatch } from '@/lib/contract/protocol-frame-facts';
import type { FrameSearch } from './useFrameSearch';

/** How the search reads its count: "3 frames match", "No frame matches", "Searching…". */
function countText(search: FrameSearch): string {
  if (search.query.trim() === '') return '';
  if (search.matchedIds === null) return 'Searching…';
  const n = search.positions.length;
  return n === 0 ? 'No frame matches' : `${n.toLocaleString('en')} frame${n === 1 ? ' matches' : 's match'}`;
}

/**
 * The **Search frames** box: finds text anywhere in a frame (method, status, body), says how many
 * matched, and Enter (Shift+Enter back) or the buttons jump from match to match.
 */
export function LogSearch({ search, current, onJump }: { search: FrameSearch; current: number | null; onJump(position: number): void }) {
  async function jump(step: 'next' | 'previous') {
    const target = stepMatch(await search.refresh(), current, step);
    if (target !== null) onJump(target);
  }
  const none = search.positions.length === 0;
  return (
    <div className="row log-search">
      <input
        type="search"
        className="input"
        aria-label="Search frames"
        placeholder="Search frames"
        value={search.query}
        onChange={(e) => search.setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return;
          e.preventDefault();
          void jump(e.shiftKey ? 'previous' : 'next');
        }}
      />
      <button type="button" className="btn btn-small" aria-label="Previous match" disabled={none} onClick={() => void jump('previous')}>
        ↑
      </button>
      <button type="button" className="btn btn-small" aria-label="Next match" disabled={none} onClick={() => void jump('next')}>
        ↓
      </button>
      <span className="muted small log-search-count" role="status">
        {countText(search)}
      </span>
    </div>
  );
}
