import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Locator, Page } from 'playwright-core';

/** An element that sticks out of the viewport without a scrolling ancestor to hold it. */
export interface Overflow {
  element: string;
  left: number;
  right: number;
  width: number;
}

/**
 * What sticks out sideways at the page's width: the document scrolling horizontally; each element
 * past the viewport's edges that no clipping ancestor inside the viewport holds; and each region
 * that scrolls sideways (the screen, the message list …) with what sticks out of it. Code, JSON and
 * tables may scroll sideways on purpose and are left alone. Named by tag, classes, label and text.
 */
export async function horizontalOverflow(page: Page): Promise<{ documentScrolls: boolean; offenders: Overflow[] }> {
  return page.evaluate(() => {
    const viewport = document.documentElement.clientWidth;
    const scroller = document.scrollingElement!;
    const mayScrollSideways = (element: Element) => element.closest('pre, table, textarea, code') !== null;
    const clippedBy = (element: Element): boolean => {
      for (let parent = element.parentElement; parent; parent = parent.parentElement) {
        const style = getComputedStyle(parent);
        if (style.overflowX === 'visible') continue;
        const box = parent.getBoundingClientRect();
        if (box.left >= -1 && box.right <= viewport + 1) return true;
      }
      return false;
    };
    const describe = (element: Element): string => {
      const classes = [...element.classList].slice(0, 3).map((name) => `.${name}`).join('');
      const label = element.getAttribute('aria-label');
      const text = (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return `${element.tagName.toLowerCase()}${classes}${label ? `[aria-label="${label}"]` : ''}${text ? ` "${text}"` : ''}`;
    };
    const entry = (element: Element, note = '') => {
      const box = element.getBoundingClientRect();
      return { element: describe(element) + note, left: Math.round(box.left), right: Math.round(box.right), width: Math.round(box.width) };
    };
    const all = [...document.body.querySelectorAll('*')];
    const outside = all.flatMap((element) => {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) return [];
      if (box.right <= viewport + 1 && box.left >= -1) return [];
      return clippedBy(element) ? [] : [entry(element)];
    });
    const sideways = all.flatMap((region) => {
      const style = getComputedStyle(region);
      if (!['auto', 'scroll'].includes(style.overflowX) || region.scrollWidth <= region.clientWidth + 1 || mayScrollSideways(region)) return [];
      const edge = region.getBoundingClientRect().right;
      const culprits = [...region.querySelectorAll('*')]
        .filter((element) => element.getBoundingClientRect().right > edge + 1 && !mayScrollSideways(element))
        .filter((element) => ![...element.children].some((child) => child.getBoundingClientRect().right > edge + 1))
        .slice(0, 3);
      return [entry(region, ' (scrolls sideways)'), ...culprits.map((element) => entry(element))];
    });
    return { documentScrolls: scroller.scrollWidth > scroller.clientWidth, offenders: [...outside, ...sideways] };
  });
}

/**
 * True when `target` is on screen now, without scrolling: its box inside the viewport, and the
 * element at its centre is it (not covered, not clipped away by a scrolling list).
 */
export async function visibleWithoutScrolling(target: Locator): Promise<boolean> {
  return target.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const inside = box.top >= 0 && box.left >= 0 && box.bottom <= window.innerHeight && box.right <= document.documentElement.clientWidth;
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return inside && hit !== null && (hit === element || element.contains(hit));
  });
}

/** One axe-core finding, as much as a failure message needs. */
export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's serious and critical violations on the page as it is now. The source is evaluated
 * through the DevTools protocol (the extension page's CSP would refuse an inline script tag), once
 * per document.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; html: string }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => ({ id: violation.id, impact: violation.impact!, help: violation.help, targets: violation.nodes.slice(0, 5).map((node) => `${node.target.join(' ')} ${node.html.slice(0, 160)}`) }));
  });
}
