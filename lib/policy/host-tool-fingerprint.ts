/**
 * What a decision about the model's call of a tool with an app is bound to: the tool's definition
 * and the page the server serves as its app. The same definition with another page is another
 * thing to trust (the page is what the user will see and what may call tools), so it gets a
 * fingerprint of its own; a tool without an app keeps its definition's fingerprint unchanged.
 * The joiner differs from an app call's (`+app:`), so trust in one never stands for the other.
 */
const PAGE_JOINER = '+page:';

/** Stands for a page that could not be read: a decision made then is never applied again. */
const UNREADABLE_PAGE = 'unreadable';

/** The tool's fingerprint joined with its app page's; `undefined` page: it could not be read. */
export function hostToolFingerprint(toolFingerprint: string, pageFingerprint: string | undefined): string {
  return `${toolFingerprint}${PAGE_JOINER}${pageFingerprint ?? UNREADABLE_PAGE}`;
}

/** The definition's part of a fingerprint (all of it when no page is joined). */
export function toolPartOf(fingerprint: string): string {
  const at = fingerprint.indexOf(PAGE_JOINER);
  return at < 0 ? fingerprint : fingerprint.slice(0, at);
}

/** True when the fingerprint was taken while the tool's app page could not be read. */
export function pageUnreadable(fingerprint: string): boolean {
  return fingerprint.endsWith(`${PAGE_JOINER}${UNREADABLE_PAGE}`);
}

/** The same page binding over a new definition (the tool changed; its page is judged at send). */
export function rebindTool(fingerprint: string, toolFingerprint: string): string {
  const at = fingerprint.indexOf(PAGE_JOINER);
  return at < 0 ? toolFingerprint : `${toolFingerprint}${fingerprint.slice(at)}`;
}

/**
 * Why a decision or card bound to `before` does not hold for `now`: the app's page cannot be read,
 * or the definition is the same and only its page changed; otherwise the definition changed
 * (also when the fingerprint is the same and the tool's current schema refuses the input).
 */
export function changeKind(before: string | undefined, now: string | undefined): 'app-page-changed' | 'definition-changed' {
  if (now !== undefined && pageUnreadable(now)) return 'app-page-changed';
  if (before === undefined || now === undefined || before === now) return 'definition-changed';
  return toolPartOf(before) === toolPartOf(now) ? 'app-page-changed' : 'definition-changed';
}
