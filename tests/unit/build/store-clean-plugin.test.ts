import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyPatch, DEPENDENCY_PATCHES } from '../../../build/dependency-patches';
import { AjvExcludedError, AjvJsonSchemaValidator } from '../../../build/stubs/ajv-provider';
import { MODULE_REDIRECTS } from '../../../build/store-clean-plugin';

const installed = (module: string) => readFileSync(join('node_modules', module), 'utf8');

describe('the store builds keep Ajv out', () => {
  it('is needed: the SDK client imports the Ajv provider as its default validator', () => {
    expect(installed('@modelcontextprotocol/sdk/dist/esm/client/index.js')).toContain("from '../validation/ajv-provider.js'");
    expect(MODULE_REDIRECTS[0]!.module.test('/x/node_modules/@modelcontextprotocol/sdk/dist/esm/validation/ajv-provider.js')).toBe(true);
  });

  it('a client built without the eval-free validator fails at once, with a named code and the fix', () => {
    const build = () => new AjvJsonSchemaValidator();
    expect(build).toThrow(AjvExcludedError);
    expect(build).toThrow(/CfWorkerJsonSchemaValidator/);
    try {
      build();
    } catch (error) {
      expect((error as AjvExcludedError).code).toBe('AJV_EXCLUDED');
    }
  });

  it('takes the DOM-free entity decoder, which exists beside the browser one', () => {
    const domEntry = '/x/node_modules/decode-named-character-reference/index.dom.js';
    const redirect = MODULE_REDIRECTS.find((r) => r.module.test(domEntry))!;
    expect(redirect.to(domEntry)).toBe('/x/node_modules/decode-named-character-reference/index.js');
    expect(installed('decode-named-character-reference/index.js')).not.toContain('innerHTML');
  });
});

describe('dependency patches', () => {
  it.each(DEPENDENCY_PATCHES.map((p) => [p.module, p] as const))('%s: still finds exactly the text it replaces', (_, patch) => {
    const patched = applyPatch(patch, installed(patch.module));
    expect(patched).not.toMatch(patch.find);
  });

  it('fails the build, naming the module and why, when a dependency update moved the text', () => {
    const patch = DEPENDENCY_PATCHES[0]!;
    expect(() => applyPatch(patch, 'export const nothing = 1;')).toThrow(/zod\/v4\/core\/util\.js expected 1 match\(es\).*found 0.*jitless/);
  });

  it("React's innerHTML sink can go: no panel code uses dangerouslySetInnerHTML", () => {
    for (const dir of ['components', 'entrypoints', 'lib']) {
      for (const file of readdirSync(dir, { recursive: true }) as string[]) {
        if (!/\.tsx?$/.test(file)) continue;
        expect(readFileSync(join(dir, file), 'utf8').includes('dangerouslySetInnerHTML'), `${dir}/${file}`).toBe(false);
      }
    }
  });
});
