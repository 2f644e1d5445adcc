/**
 * The innermost reason of an error chain: Node's fetch wraps it twice (`Connection error.` →
 * `fetch failed` → `connect ECONNREFUSED …`), and only the last one tells the user what to fix.
 */
export function innermostMessage(error: Error): string {
  let text = error.message;
  for (let cause = error.cause; cause instanceof Error; cause = cause.cause) {
    const code = (cause as Error & { code?: unknown }).code;
    if (cause.message) text = cause.message;
    else if (typeof code === 'string') text = code;
  }
  return text;
}
