/** Order statistics over a sample; the bench reports medians, and p95 where the issue asks. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) throw new Error('No values to summarise.');
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (at - low);
}

export const median = (values: readonly number[]): number => quantile(values, 0.5);
export const p95 = (values: readonly number[]): number => quantile(values, 0.95);

/** Two decimals: enough for milliseconds and kilobytes, short enough to read. */
export function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** `value / baseline`, or null when the baseline is zero (nothing to compare against). */
export function ratioOf(value: number, baseline: number): number | null {
  return baseline > 0 ? round(value / baseline) : null;
}
