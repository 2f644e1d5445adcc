const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A frame's moment as the log's time column shows it: local `HH:MM:SS.mmm`, so bursts read apart. */
export function frameTimeText(at: number): string {
  const d = new Date(at);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}
