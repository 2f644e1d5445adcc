import { browser } from 'wxt/browser';
import { isLoopbackUrl, originPatternOf } from '../contract/origin-pattern';

/** Whether fetches from the background may reach this URL's origin right now. */
export async function hasHostPermission(url: string): Promise<boolean> {
  if (isLoopbackUrl(url)) return true;
  return browser.permissions.contains({ origins: [originPatternOf(url)] });
}
