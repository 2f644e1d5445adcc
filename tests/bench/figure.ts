import { ratioOf, round } from './stats';

/** What a measure decides; the ratio is derived, and every number is rounded for reading. */
export interface FigureInput {
  value: number;
  unit: string;
  baseline: number;
  runs: number;
  goal: string;
  met: boolean;
}

/** The ratio is taken of the rounded numbers, so a reader of the report gets the same one. */
export function figure<E extends Record<string, unknown>>(input: FigureInput, extras: E) {
  const value = round(input.value);
  const baseline = round(input.baseline);
  return {
    value,
    unit: input.unit,
    baseline,
    ratio: ratioOf(value, baseline),
    runs: input.runs,
    goal: input.goal,
    met: input.met,
    ...extras,
  };
}
