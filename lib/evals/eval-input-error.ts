/** A suite, case, tool or field the panel named that is not there (or not valid); the message says which. */
export class EvalInputError extends Error {
  override readonly name = 'EvalInputError';
}
