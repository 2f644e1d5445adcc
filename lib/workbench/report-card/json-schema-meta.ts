import type { Schema } from '@cfworker/json-schema';

const schemaRef: Schema = { $ref: '#' };
const schemaMap: Schema = { type: 'object', additionalProperties: schemaRef };
const schemaList: Schema = { type: 'array', minItems: 1, items: schemaRef };
const count: Schema = { type: 'integer', minimum: 0 };
const simpleTypes: Schema = { enum: ['array', 'boolean', 'integer', 'null', 'number', 'object', 'string'] };
const uniqueStrings: Schema = { type: 'array', items: { type: 'string' }, uniqueItems: true };

/**
 * The JSON Schema 2020-12 meta-schema's core, applicator and validation vocabularies merged into
 * one self-referencing schema (the official one is split across files joined by `$dynamicRef`).
 * It checks what a keyword's value must be — `type` a known type, `required` a list of unique
 * strings, `minLength` a count, `pattern` a regular expression, every subschema a schema — and
 * lets unknown keywords through, as the spec does. Draft-07's array form of `items` is accepted.
 */
export const JSON_SCHEMA_META: Schema = {
  type: ['object', 'boolean'],
  properties: {
    $id: { type: 'string' },
    $schema: { type: 'string' },
    $ref: { type: 'string' },
    $anchor: { type: 'string' },
    $dynamicRef: { type: 'string' },
    $dynamicAnchor: { type: 'string' },
    $comment: { type: 'string' },
    $defs: schemaMap,
    definitions: schemaMap,
    type: { anyOf: [simpleTypes, { type: 'array', items: simpleTypes, minItems: 1, uniqueItems: true }] },
    enum: { type: 'array' },
    multipleOf: { type: 'number', exclusiveMinimum: 0 },
    maximum: { type: 'number' },
    exclusiveMaximum: { type: 'number' },
    minimum: { type: 'number' },
    exclusiveMinimum: { type: 'number' },
    maxLength: count,
    minLength: count,
    pattern: { type: 'string', format: 'regex' },
    maxItems: count,
    minItems: count,
    uniqueItems: { type: 'boolean' },
    maxContains: count,
    minContains: count,
    maxProperties: count,
    minProperties: count,
    required: uniqueStrings,
    dependentRequired: { type: 'object', additionalProperties: uniqueStrings },
    properties: schemaMap,
    patternProperties: { type: 'object', additionalProperties: schemaRef, propertyNames: { format: 'regex' } },
    dependentSchemas: schemaMap,
    additionalProperties: schemaRef,
    unevaluatedProperties: schemaRef,
    propertyNames: schemaRef,
    prefixItems: schemaList,
    items: { anyOf: [schemaRef, schemaList] },
    additionalItems: schemaRef,
    unevaluatedItems: schemaRef,
    contains: schemaRef,
    allOf: schemaList,
    anyOf: schemaList,
    oneOf: schemaList,
    not: schemaRef,
    if: schemaRef,
    then: schemaRef,
    else: schemaRef,
    format: { type: 'string' },
    title: { type: 'string' },
    description: { type: 'string' },
    examples: { type: 'array' },
    deprecated: { type: 'boolean' },
    readOnly: { type: 'boolean' },
    writeOnly: { type: 'boolean' },
  },
};
