/**
 * Why **Attach page** could read nothing. `code` is one for every cause: the panel shows the
 * message, which says what the user can do (open the panel from the page's toolbar button, pick
 * an ordinary web page).
 */
export class PageReadError extends Error {
  readonly code = 'page-unreadable' as const;
  override readonly name = 'PageReadError';
}
