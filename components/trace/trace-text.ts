/** Someone else's value as JSON text to show in a `<pre>`; never parsed as markup. */
export function jsonText(value: unknown): string {
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
}

const CLOCK = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit', fractionalSecondDigits: 3 });

/** A frame's time, to the millisecond: frames of one call are often within the same second. */
export function clockText(at: number): string {
  return Number.isFinite(at) ? CLOCK.format(at) : String(at);
}
