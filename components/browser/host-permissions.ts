import { browser } from 'wxt/browser';
import { isLoopbackUrl, originPatternOf } from '@/lib/contract/origin-pattern';

/**
 * Asks for access to the URL's origin unless the extension already has it. Call it first thing in
 * a click handler: Firefox only shows the prompt from inside a user gesture, which is why this one
 * browser call lives in the panel and not behind a command.
 */
export async function ensureHostPermission(url: string): Promise<boolean> {
  if (isLoopbackUrl(url)) return true;
  // Resolves true at once, without a prompt, when the origin is already granted.
  return browser.permissions.request({ origins: [originPatternOf(url)] });
}
