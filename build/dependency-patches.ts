/**
 * Exact edits to dependency code in the store builds, each for a line AMO's linter flags
 * (an eval, an HTML sink) that Patchbay never runs. Each edit names the text it expects and how
 * often: when a dependency update moves it, the build fails instead of shipping the warning again.
 */
export interface DependencyPatch {
  /** Why the edit is safe, shown when it no longer applies. */
  why: string;
  /** The end of the module's resolved path, with forward slashes. */
  module: string;
  find: RegExp;
  replace: string;
  /** How many matches the module must have. */
  count: number;
}

export const DEPENDENCY_PATCHES: DependencyPatch[] = [
  {
    why: "zod's eval probe: Patchbay runs zod jitless (lib/contract/zod-config.ts) and the MV3 CSP forbids eval, so the answer is always no.",
    module: 'zod/v4/core/util.js',
    find: /try\s*\{\s*const F = Function;\s*new F\(""\);\s*return true;\s*\}\s*catch\s*\(_\)\s*\{\s*return false;\s*\}/,
    replace: 'return false;',
    count: 1,
  },
  {
    why: "zod's JIT compiler: unreachable once the eval probe says no, so it may only fail loudly.",
    module: 'zod/v4/core/doc.js',
    find: /const F = Function;/,
    replace: 'throw new Error("zod runs jitless in Patchbay: no code is compiled from strings.");',
    count: 1,
  },
  {
    why: 'React sets innerHTML only for dangerouslySetInnerHTML, which Patchbay never uses: model and tool output is never HTML.',
    module: 'react-dom/cjs/react-dom-client.production.js',
    find: /\(domElement\.innerHTML = key\)/g,
    replace: '(() => { throw Error("Patchbay renders no raw HTML: dangerouslySetInnerHTML is disabled."); })()',
    count: 2,
  },
  {
    why: "micromark's document tokenizer has a write() method, not the DOM's document.write; naming it once keeps the linter's name match off it.",
    module: 'mdast-util-from-markdown/lib/index.js',
    find: /return compiler\(options\)\(postprocess\(parse\(options\)\.document\(\)\.write\(preprocess\(\)\(value, encoding, true\)\)\)\);/,
    replace:
      'const tokenizer = parse(options).document();\n  return compiler(options)(postprocess(tokenizer.write(preprocess()(value, encoding, true))));',
    count: 1,
  },
  {
    why: "Readability keeps a copy of the page to start again from; a cloned node restores it without parsing HTML (it runs on a clone of the page, never the page).",
    module: '@mozilla/readability/Readability.js',
    find: /var pageCacheHtml = page\.innerHTML;/,
    replace: 'var pageCache = page.cloneNode(true);',
    count: 1,
  },
  {
    why: 'The restore that goes with the cloned copy above: the same nodes, put back as nodes.',
    module: '@mozilla/readability/Readability.js',
    find: /page\.innerHTML = pageCacheHtml;/,
    replace: 'page.replaceChildren(...pageCache.cloneNode(true).childNodes);',
    count: 1,
  },
  {
    why: "Readability unwraps <noscript> images by parsing their markup; moving the noscript's own child nodes does the same in a clone with scripting off, and leaves text as text otherwise.",
    module: '@mozilla/readability/Readability.js',
    find: /tmp\.innerHTML = noscript\.innerHTML;/,
    replace: 'tmp.replaceChildren(...Array.from(noscript.cloneNode(true).childNodes));',
    count: 1,
  },
  {
    why: "highlight.js's highlightElement writes its HTML into an element; Patchbay only calls highlight() through lowlight, whose token tree components/ui/hast-to-react.tsx turns into React elements.",
    module: 'highlight.js/lib/core.js',
    find: /element\.innerHTML = result\.value;/,
    replace: 'throw new Error("Patchbay renders highlighted text as React elements: highlight.js writes no HTML.");',
    count: 1,
  },
];

/** Applies the patch to a module's code, or throws when the expected text is not there as often as said. */
export function applyPatch(patch: DependencyPatch, code: string): string {
  const global = new RegExp(patch.find.source, 'g');
  const found = code.match(global)?.length ?? 0;
  if (found !== patch.count) {
    throw new Error(`Patch for ${patch.module} expected ${patch.count} match(es) of ${patch.find} but found ${found}: ${patch.why}`);
  }
  return code.replace(global, patch.replace);
}
