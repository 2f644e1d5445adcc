/**
 * Stands in for `@modelcontextprotocol/sdk/validation/ajv-provider` in the extension bundles.
 * The SDK's client imports Ajv as its default validator, but Ajv compiles schemas with
 * `new Function`, which the MV3 CSP forbids and AMO's review flags; Patchbay always passes
 * `CfWorkerJsonSchemaValidator` instead. So Ajv never ships, and a client built without a
 * validator fails at once with this error rather than at its first schema.
 */
export class AjvExcludedError extends Error {
  readonly code = 'AJV_EXCLUDED';
  constructor() {
    super(
      'Ajv is not bundled (it needs eval, which the extension CSP forbids): pass jsonSchemaValidator: new CfWorkerJsonSchemaValidator() to the SDK client.',
    );
    this.name = 'AjvExcludedError';
  }
}

/** The SDK's export name; constructing it is always a wiring mistake. */
export class AjvJsonSchemaValidator {
  constructor() {
    throw new AjvExcludedError();
  }
}
