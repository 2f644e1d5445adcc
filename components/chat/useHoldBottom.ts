import { useCallback, useMemo, useRef } from 'react';
import type { VirtuosoHandle } from 'react-virtuoso';

/**
 * Holds a freshly opened list at its very bottom until the user scrolls by themselves.
 *
 * Virtuoso's own scroll-to-index waits (the list is hidden for ~150 ms). Its `scrollTo` lands at
 * once but clamps to the height it has measured, which can trail the DOM by a render: a last item
 * that grew late (its turn bar, a font) was left 2 px below the viewport. So each change scrolls
 * through Virtuoso now, and again from the scroller's own height in the next frame.
 */
export function useHoldBottom() {
  const holding = useRef(true);
  const list = useRef<VirtuosoHandle>(null);
  const scroller = useRef<HTMLElement | null>(null);
  const scrollerRef = useCallback((element: HTMLElement | Window | null) => {
    scroller.current = element instanceof HTMLElement ? element : null;
  }, []);
  const heightChanged = useCallback(() => {
    if (!holding.current) return;
    list.current?.scrollTo({ top: Number.MAX_SAFE_INTEGER });
    requestAnimationFrame(() => {
      const element = scroller.current;
      if (holding.current && element) element.scrollTop = element.scrollHeight;
    });
  }, []);
  const userScrolls = useCallback(() => void (holding.current = false), []);
  /** Back to the bottom and held there again: the user sent a message, so they want to see what follows. */
  const resume = useCallback(() => {
    holding.current = true;
    heightChanged();
  }, [heightChanged]);
  return useMemo(
    () => ({ list, scrollerRef, heightChanged, resume, userHandlers: { onWheel: userScrolls, onTouchStart: userScrolls, onPointerDown: userScrolls, onKeyDown: userScrolls } }),
    [scrollerRef, heightChanged, resume, userScrolls],
  );
}
