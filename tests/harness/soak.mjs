#!/usr/bin/env node
// `npm run soak`: the fault suite's long runs. 500 worker deaths at the engine level (the same test
// `npm test` runs 50 times), printing the seed and the counts; PATCHBAY_FAULT_SEED replays a run.
import { spawnSync } from 'node:child_process';

const cycles = process.env.PATCHBAY_FAULT_CYCLES ?? '500';
const run = spawnSync(
  'npx',
  ['vitest', 'run', '--config', 'tests/vitest.config.ts', '--project', 'integration', 'tests/integration/faults-worker-death.test.ts'],
  { stdio: 'inherit', env: { ...process.env, PATCHBAY_FAULT_CYCLES: cycles } },
);
process.exit(run.status ?? 1);
