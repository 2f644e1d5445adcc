/**
 * Where an app's frame waits out its teardown once its card has left for good: the card's DOM is
 * about to go, and a frame taken out of the document is discarded at once, so the app would never
 * read `ui/resource-teardown`. The frame is moved (with `moveBefore`, which keeps its documents
 * alive) into one off-screen holder that is `inert` and `aria-hidden`, so nobody can see, reach
 * or focus it there. The frame keeps its own `sandbox` and `allow` as they are: no new rights.
 */

const HOLDER_ID = 'patchbay-retired-app-frames';

/** `Element.moveBefore` (Chromium 133+, Firefox 144+): a move that does not reload an iframe. */
type Movable = Element & { moveBefore?: (node: Node, child: Node | null) => void };

function holder(): HTMLElement {
  const existing = document.getElementById(HOLDER_ID);
  if (existing) return existing;
  const created = document.createElement('div');
  created.id = HOLDER_ID;
  created.setAttribute('aria-hidden', 'true');
  created.inert = true;
  Object.assign(created.style, { position: 'fixed', left: '-10000px', top: '0', width: '400px', height: '1px', overflow: 'hidden', pointerEvents: 'none' });
  document.body.appendChild(created);
  return created;
}

/** Where a retired frame was, so a tree only hidden (not removed) can take it back. */
export interface RetiredFrame {
  frame: HTMLIFrameElement;
  parent: Element;
  next: Node | null;
}

/**
 * Moves the frame into the holder while it is still in the document, and says whether that
 * kept it alive. `false` (a browser without `moveBefore`, or a frame already detached): the
 * frame goes with its card, and the app's teardown is best effort.
 */
export function retireFrame(frame: HTMLIFrameElement): RetiredFrame | null {
  const parent = frame.parentElement;
  const target = holder() as Movable;
  if (!parent || !frame.isConnected || typeof target.moveBefore !== 'function') return null;
  const next = frame.nextSibling;
  try {
    target.moveBefore(frame, null);
    return { frame, parent, next };
  } catch {
    return null;
  }
}

/** Puts a retired frame back where it was (its tree was hidden, then shown again). */
export function restoreFrame({ frame, parent, next }: RetiredFrame): void {
  if (!parent.isConnected || frame.parentElement !== document.getElementById(HOLDER_ID)) return;
  try {
    (parent as Movable).moveBefore?.(frame, next && next.parentNode === parent ? next : null);
  } catch {
    // The card is gone after all: the teardown path removes the frame.
  }
}

/** The app answered or its time ran out: its frame and the documents in it go now. */
export function discardFrame(frame: HTMLIFrameElement): void {
  if (frame.parentElement === document.getElementById(HOLDER_ID)) frame.remove();
}
