import { useLiveQuery } from 'dexie-react-hooks';
import { forwardRef, useCallback, useImperativeHandle, useMemo, useRef, useState } from 'react';
import { Virtuoso, type ListRange, type VirtuosoHandle } from 'react-virtuoso';
import { readFrames, type FrameListing } from '@/lib/db/repositories/protocol-log-listing';
import type { ProtocolFrameRow } from '@/lib/db/rows';
import { usePanelServices } from '../../app/panel-services';
import { FramePlaceholder, FrameRow, FRAME_ROW_HEIGHT } from './FrameRow';

/** Rows read beyond the visible ones, each side, so a short scroll finds them already read. */
const READ_AHEAD = 30;

/** What the log view asks of its list: show a position (a search match) without following the tail. */
export interface FrameListHandle {
  show(index: number): void;
  /** Back to the newest frame, following again. */
  tail(): void;
}

interface FrameListProps {
  listing: FrameListing;
  labels: ReadonlyMap<string, string> | null;
  selectedId: number | null;
  matched: ReadonlySet<number>;
  onSelect(id: number): void;
  following: boolean;
  onFollowingChange(following: boolean): void;
}

/**
 * The whole listing as a virtual list: only the rows in view (and a few around them) are in the DOM
 * and read from the database, by position in the listing. It follows the tail while `following`;
 * scrolling up stops that, scrolling back to the bottom resumes it.
 */
export const FrameList = forwardRef<FrameListHandle, FrameListProps>(function FrameList(
  { listing, labels, selectedId, matched, onSelect, following, onFollowingChange },
  ref,
) {
  const { db } = usePanelServices();
  const list = useRef<VirtuosoHandle>(null);
  const [range, setRange] = useState<ListRange>({ startIndex: Math.max(0, listing.length - 40), endIndex: listing.length });
  const ids = useMemo(
    () => listing.slice(Math.max(0, range.startIndex - READ_AHEAD), range.endIndex + READ_AHEAD + 1),
    [listing, range.startIndex, range.endIndex],
  );
  const rows = useLiveQuery(async () => new Map((await readFrames(db, ids)).map((row) => [row.id!, row])), [db, ids.join(',')]);
  const lastRows = useRef<Map<number, ProtocolFrameRow>>(new Map());
  if (rows) lastRows.current = rows;

  // Scrolling up is the user's doing: following the tail only ever moves down.
  const lastTop = useRef(0);
  const following$ = useRef(following);
  following$.current = following;
  const scroller = useCallback(
    (element: HTMLElement | Window | null) => {
      if (!(element instanceof HTMLElement)) return;
      element.addEventListener('scroll', () => {
        const top = element.scrollTop;
        if (top < lastTop.current - 2 && following$.current) onFollowingChange(false);
        lastTop.current = top;
      });
    },
    [onFollowingChange],
  );

  useImperativeHandle(ref, () => ({
    show(index: number) {
      onFollowingChange(false);
      list.current?.scrollToIndex({ index, align: 'center' });
    },
    tail() {
      onFollowingChange(true);
      list.current?.scrollToIndex({ index: 'LAST', align: 'end' });
    },
  }), [onFollowingChange]);

  const shown = rows ?? lastRows.current;
  return (
    <Virtuoso
      ref={list}
      className="frames"
      role="list"
      aria-label="Frames, oldest first"
      totalCount={listing.length}
      fixedItemHeight={FRAME_ROW_HEIGHT}
      initialTopMostItemIndex={{ index: 'LAST', align: 'end' }}
      followOutput={following ? 'auto' : false}
      atBottomStateChange={(bottom) => bottom && !following$.current && onFollowingChange(true)}
      atBottomThreshold={FRAME_ROW_HEIGHT}
      rangeChanged={setRange}
      scrollerRef={scroller}
      computeItemKey={(index) => listing[index] ?? `gone-${index}`}
      itemContent={(index) => {
        const id = listing[index];
        const row = id === undefined ? undefined : shown.get(id);
        if (!row) return <FramePlaceholder />;
        return (
          <FrameRow
            frame={row}
            connector={labels ? (labels.get(row.connectorId) ?? 'removed connector') : null}
            selected={row.id === selectedId}
            matched={matched.has(row.id!)}
            onSelect={onSelect}
          />
        );
      }}
    />
  );
});
