import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs harness script, without type declarations
import { checkBoundaries, describeViolation } from '../../harness/check-boundaries.mjs';

interface Violation {
  file: string;
  line: number;
  rule: string;
  to: string;
  specifier: string;
}
const check = checkBoundaries as (paths?: string[]) => Violation[];
const ROOT = resolve(__dirname, '..', '..', '..');
const CRUISE_TIMEOUT_MS = 120_000;

/**
 * Scratch files, each with one import the rules forbid, on the line after a comment: written into
 * the tree for one cruise and removed after it, so the test proves each rule fires.
 */
const SCRATCH: { dir: string; source: string; rule: string; to: RegExp }[] = [
  { dir: 'components/connectors', source: "import type { ConnectorError } from '@/lib/mcp/session/connector-error';\nexport type Seen = ConnectorError;\n", rule: 'panel-imports-only-contract-messaging-db', to: /^lib\/mcp\/session\/connector-error\.ts$/ },
  { dir: 'entrypoints/sidepanel', source: "import { oauthRedirectUris } from '@/lib/auth/identity-authorization-adapter';\nexport const uris = oauthRedirectUris;\n", rule: 'panel-imports-only-contract-messaging-db', to: /^lib\/auth\// },
  { dir: 'lib/chat', source: "import { useState } from 'react';\nexport const hook = useState;\n", rule: 'lib-never-imports-react-or-components', to: /^node_modules\/react\// },
  { dir: 'lib/mcp', source: "import type { PanelServices } from '../../components/app/panel-services';\nexport type S = PanelServices;\n", rule: 'lib-never-imports-react-or-components', to: /^components\// },
  { dir: 'lib/policy', source: "import { browser } from 'wxt/browser';\nexport const b = browser;\n", rule: 'policy-touches-no-browser-api', to: /^node_modules\/wxt\// },
  { dir: 'lib/policy', source: "import { hasHostPermission } from '../browser/host-permissions';\nexport const h = hasHostPermission;\n", rule: 'policy-touches-no-browser-api', to: /^lib\/browser\// },
  { dir: 'lib/contract', source: "import Dexie from 'dexie';\nexport const D = Dexie;\n", rule: 'contract-imports-only-zod-and-sdk-types', to: /^node_modules\/dexie\// },
  { dir: 'lib/contract', source: "import type { Client } from '@modelcontextprotocol/sdk/client/index.js';\nexport type C = Client;\n", rule: 'contract-imports-only-zod-and-sdk-types', to: /^node_modules\/@modelcontextprotocol\/sdk\/.*client/ },
  { dir: 'lib/messaging', source: "import type { ConnectorRow } from '../db/rows';\nexport type R = ConnectorRow;\n", rule: 'messaging-imports-only-contract', to: /^lib\/db\/rows\.ts$/ },
  { dir: 'lib/db', source: "import { redactDeep } from '../mcp/redaction/redact';\nexport const r = redactDeep;\n", rule: 'db-imports-no-behaviour', to: /^lib\/mcp\/redaction\/redact\.ts$/ },
  { dir: 'lib/db', source: "import type { RunEngine } from '../chat/run-engine';\nexport type E = RunEngine;\n", rule: 'db-imports-no-behaviour', to: /^lib\/chat\/run-engine\.ts$/ },
];

describe('import boundaries (DESIGN.md, "Who may import whom")', () => {
  it('hold on the tree as it is', { timeout: CRUISE_TIMEOUT_MS }, () => {
    const violations = check();
    expect(violations.map(describeViolation as (v: Violation) => string)).toEqual([]);
  });

  it('catch each forbidden import, type-only ones included, naming the file, line and rule', { timeout: CRUISE_TIMEOUT_MS }, () => {
    const run = randomUUID().slice(0, 8);
    const files = SCRATCH.map((scratch, index) => ({ ...scratch, file: `${scratch.dir}/boundary-scratch-${run}-${index}.ts` }));
    try {
      for (const { file, source } of files) {
        mkdirSync(dirname(join(ROOT, file)), { recursive: true });
        writeFileSync(join(ROOT, file), `// A forbidden import, written by import-rules.test.ts and removed after it.\n${source}`);
      }
      const violations = check(files.map((f) => f.file));
      for (const { file, rule, to } of files) {
        const found = violations.filter((v) => v.file === file);
        expect(found, `${file} should break ${rule}`).toHaveLength(1);
        expect(found[0]).toMatchObject({ rule, line: 2 });
        expect(found[0]!.to).toMatch(to);
      }
      expect(violations.filter((v) => !files.some((f) => f.file === v.file))).toEqual([]);
    } finally {
      for (const { file } of files) rmSync(join(ROOT, file), { force: true });
    }
  });
});
