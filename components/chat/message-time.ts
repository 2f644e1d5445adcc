/** Message times as the chat shows them: short beside the message, in full in its title. */

const TIME = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const DAY_AND_TIME = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
const FULL = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'medium' });

/** "14:05" for a time today, "Nov 30, 14:05" for an earlier (or later) day. */
export function shortMessageTime(at: number, now: number = Date.now()): string {
  const then = new Date(at);
  const today = new Date(now);
  const sameDay = then.getFullYear() === today.getFullYear() && then.getMonth() === today.getMonth() && then.getDate() === today.getDate();
  return (sameDay ? TIME : DAY_AND_TIME).format(then);
}

/** "Tuesday, December 1, 2026 at 14:05:09": the tooltip's full date. */
export function fullMessageTime(at: number): string {
  return FULL.format(new Date(at));
}
