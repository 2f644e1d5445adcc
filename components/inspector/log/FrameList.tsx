import { forwardRef, useCallback, useEffect, useImperativeHandle, useMemo, useRef } from 'react';
import { Virtuoso, type VirtuosoHandle } from 'react-virtuoso';
import type { FrameListing } from '@/lib/db/repositories/protocol-log-listing';
import { usePanelServices } from '../../app/panel-services';
import { FrameCache } from './frame-cache';
import { FramePlaceholder, FrameRow, FRAME_ROW_HEIGHT } from './FrameRow';
import { useCachedFrame } from './useCachedFrame';

/** A scroll this soon after a wheel, touch, key or pointer press is the user's. */
const USER_SCROLL_MS = 1_000;

interface SlotProps {
  cache: FrameCache;
  id: number;
  labels: ReadonlyMap<string, string> | null;
  selected: boolean;
  matched: boolean;
  onSelect(id: number): void;
}

/** The row at one position: its frame read through the cache, a placeholder of the same height meanwhile. */
function FrameSlot({ cache, id, labels, selected, matched, onSelect }: SlotProps) {
  const row = useCachedFrame(cache, id);
  if (!row) return <FramePlaceholder />;
  const connector = labels ? (labels.get(row.connectorId) ?? 'removed connector') : null;
  return <FrameRow frame={row} connector={connector} selected={selected} matched={matched} onSelect={onSelect} />;
}

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
 * and read from the database (by id, through a cache: a stored frame never changes). It follows the tail while `following`;
 * scrolling up stops that, scrolling back to the bottom resumes it.
 */
export const FrameList = forwardRef<FrameListHandle, FrameListProps>(function FrameList(
  { listing, labels, selectedId, matched, onSelect, following, onFollowingChange },
  ref,
) {
  const { db } = usePanelServices();
  const list = useRef<VirtuosoHandle>(null);
  const cache = useMemo(() => new FrameCache(db), [db]);

  // Scrolling up by the user's hand (wheel, touch, keys, the scroll bar) stops following; the
  // list's own moves (re-measuring, the ring dropping old frames) never do.
  const element = useRef<HTMLElement | null>(null);
  const lastTop = useRef(0);
  const handAt = useRef(0);
  const following$ = useRef(following);
  following$.current = following;
  const scroller = useCallback(
    (found: HTMLElement | Window | null) => {
      if (!(found instanceof HTMLElement) || element.current === found) return;
      element.current = found;
      const hand = () => (handAt.current = Date.now());
      for (const type of ['wheel', 'touchmove', 'keydown', 'pointerdown'] as const) found.addEventListener(type, hand, { passive: true });
      found.addEventListener('scroll', () => {
        const top = found.scrollTop;
        if (top < lastTop.current - 2 && following$.current && Date.now() - handAt.current < USER_SCROLL_MS) {
          following$.current = false;
          onFollowingChange(false);
        }
        lastTop.current = top;
      });
    },
    [onFollowingChange],
  );

  // Following holds whenever the list grows or its heights change, and when a hidden panel shows
  // again (a hidden page lays nothing out, so frames that came meanwhile could not be followed).
  const stick = useCallback(() => {
    const el = element.current;
    if (following$.current && el) el.scrollTop = el.scrollHeight;
  }, []);
  useEffect(() => {
    stick();
    // Once more after the list has laid out the new rows (its height may lag the render by a frame).
    const frame = requestAnimationFrame(stick);
    return () => cancelAnimationFrame(frame);
  }, [following, listing, stick]);
  useEffect(() => {
    document.addEventListener('visibilitychange', stick);
    window.addEventListener('focus', stick);
    return () => {
      document.removeEventListener('visibilitychange', stick);
      window.removeEventListener('focus', stick);
    };
  }, [stick]);

  useImperativeHandle(ref, () => ({
    show(index: number) {
      following$.current = false;
      onFollowingChange(false);
      list.current?.scrollToIndex({ index, align: 'center' });
    },
    tail() {
      following$.current = true;
      onFollowingChange(true);
      list.current?.scrollToIndex({ index: 'LAST', align: 'end' });
    },
  }), [onFollowingChange]);

  return (
    <div className="frames-box">
    <Virtuoso
      ref={list}
      className="frames"
      role="group"
      aria-label="Frames, oldest first"
      totalCount={listing.length}
      fixedItemHeight={FRAME_ROW_HEIGHT}
      initialTopMostItemIndex={{ index: 'LAST', align: 'end' }}
      atBottomStateChange={(bottom) => (bottom ? !following$.current && onFollowingChange(true) : stick())}
      totalListHeightChanged={stick}
      atBottomThreshold={FRAME_ROW_HEIGHT}
      scrollerRef={scroller}
      computeItemKey={(index) => listing[index] ?? `gone-${index}`}
      itemContent={(index) => {
        const id = listing[index];
        if (id === undefined) return <FramePlaceholder />;
        return <FrameSlot cache={cache} id={id} labels={labels} selected={id === selectedId} matched={matched.has(id)} onSelect={onSelect} />;
      }}
    />
    </div>
  );
});
