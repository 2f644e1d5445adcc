import type { Locator } from 'playwright-core';

/**
 * Whether an element is wholly in view as the page stands, without scrolling: inside the viewport
 * and inside every scrolling ancestor's visible box (a row clipped by the tab panel or hidden below
 * the composer is not in view, whatever its bounding box says). Works in Playwright and, through
 * its own `evaluate`, in puppeteer.
 */
export const WHOLLY_IN_VIEW = (element: Element): boolean => {
  const rect = element.getBoundingClientRect();
  if (rect.width === 0 || rect.height === 0) return false;
  let top = 0;
  let bottom = window.innerHeight;
  let left = 0;
  let right = window.innerWidth;
  for (let node = element.parentElement; node; node = node.parentElement) {
    const style = getComputedStyle(node);
    if (!/(auto|scroll|hidden|clip)/.test(style.overflowY + style.overflowX)) continue;
    const box = node.getBoundingClientRect();
    top = Math.max(top, box.top);
    bottom = Math.min(bottom, box.bottom);
    left = Math.max(left, box.left);
    right = Math.min(right, box.right);
  }
  const slack = 0.5;
  return rect.top >= top - slack && rect.bottom <= bottom + slack && rect.left >= left - slack && rect.right <= right + slack;
};

/** {@link WHOLLY_IN_VIEW} of one element found by a Playwright locator. */
export function whollyInView(locator: Locator): Promise<boolean> {
  return locator.evaluate(WHOLLY_IN_VIEW);
}

/** How many of the elements a locator finds are wholly in view (one at a time: the page's CSP allows no eval). */
export async function countWhollyInView(locator: Locator): Promise<number> {
  let seen = 0;
  for (const element of await locator.all()) if (await element.evaluate(WHOLLY_IN_VIEW)) seen += 1;
  return seen;
}
