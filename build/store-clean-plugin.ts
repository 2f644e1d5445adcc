import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { applyPatch, DEPENDENCY_PATCHES } from './dependency-patches';

/** Module swaps for the store builds: resolved path suffix → the file bundled instead, and why. */
export const MODULE_REDIRECTS: { module: RegExp; to: (resolved: string) => string; why: string }[] = [
  {
    module: /\/@modelcontextprotocol\/sdk\/dist\/(?:esm|cjs)\/validation\/ajv-provider\.js$/,
    to: () => fileURLToPath(new URL('./stubs/ajv-provider.ts', import.meta.url)),
    why: "The SDK client imports Ajv as its default validator; Patchbay passes the eval-free cfworker one, so Ajv (and its new Function) stays out.",
  },
  {
    module: /\/decode-named-character-reference\/index\.dom\.js$/,
    to: (resolved) => resolved.replace(/index\.dom\.js$/, 'index.js'),
    why: "The browser entry decodes entities through innerHTML on a detached element; the plain entry uses a table and touches no DOM.",
  },
];

const normalise = (path: string) => path.split('?')[0]!.replaceAll('\\', '/');

/**
 * Keeps what AMO's linter flags out of the production bundles: swaps modules Patchbay never runs
 * for a stub or a DOM-free twin, and applies {@link DEPENDENCY_PATCHES}. Build only: tests and the
 * conformance client use the real modules.
 */
export function storeCleanPlugin(): Plugin {
  return {
    name: 'patchbay:store-clean',
    enforce: 'pre',
    apply: 'build',
    async resolveId(source, importer, options) {
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved || resolved.external) return null;
      const redirect = MODULE_REDIRECTS.find((r) => r.module.test(normalise(resolved.id)));
      if (!redirect) return null;
      const target = redirect.to(normalise(resolved.id));
      if (!existsSync(target)) throw new Error(`${target} not found: ${redirect.why}`);
      return target;
    },
    transform(code, id) {
      const path = normalise(id);
      const patches = DEPENDENCY_PATCHES.filter((p) => path.endsWith(`/node_modules/${p.module}`));
      if (patches.length === 0) return null;
      return { code: patches.reduce((next, patch) => applyPatch(patch, next), code), map: null };
    },
  };
}
