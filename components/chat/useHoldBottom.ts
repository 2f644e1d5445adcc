import { useCallback, useMemo, useRef } from 'react';

/**
 * Holds a freshly opened list at its very bottom until the user scrolls by themselves.
 *
 * Virtuoso's own scroll-to-index waits (the list is hidden for ~150 ms) and its `scrollTo` clamps
 * to the height it has measured, which trails the DOM by a render: a last item that grows late (a
 * lazily styled turn bar, a font) was left 2 px below the viewport. So the bottom is taken from
 * the scroller itself, after the frame in which the new height is laid out.
 */
export function useHoldBottom() {
  const holding = useRef(true);
  const scroller = useRef<HTMLElement | null>(null);
  const scrollerRef = useCallback((element: HTMLElement | Window | null) => {
    scroller.current = element instanceof HTMLElement ? element : null;
  }, []);
  const heightChanged = useCallback(() => {
    if (!holding.current) return;
    requestAnimationFrame(() => {
      const element = scroller.current;
      if (holding.current && element) element.scrollTop = element.scrollHeight;
    });
  }, []);
  const userScrolls = useCallback(() => void (holding.current = false), []);
  return useMemo(
    () => ({ scrollerRef, heightChanged, userHandlers: { onWheel: userScrolls, onTouchStart: userScrolls, onPointerDown: userScrolls, onKeyDown: userScrolls } }),
    [scrollerRef, heightChanged, userScrolls],
  );
}
