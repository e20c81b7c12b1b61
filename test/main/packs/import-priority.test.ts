import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import type { ImportWorker } from '../../../main/packs/import/import.worker.ts';
import { startWorker } from '../../../main/workers/worker-rpc.ts';

/** Nice values of this process's threads, from /proc/self/task/<tid>/stat (field 19). */
function threadNiceValues(): number[] {
  return readdirSync('/proc/self/task').map((tid) => {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    // The command name may hold spaces; fields are counted after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[16]);
  });
}

describe.runIf(process.platform === 'linux')('import worker priority', () => {
  it('runs its thread at a lower priority than the kiosk, so the visitor screen keeps the CPU', async () => {
    // Relative to this process's own priority, so the test holds when the suite itself runs under `nice`.
    const own = os.getPriority();
    const lowered = Math.min(19, own + 10);
    const before = threadNiceValues().filter((nice) => nice === lowered).length;
    const worker = startWorker<ImportWorker>(new URL('../../../main/packs/import/import.worker.ts', import.meta.url));
    try {
      await worker.api.dispose();
      const niced = threadNiceValues().filter((nice) => nice === lowered).length;
      expect(niced).toBe(before + 1);
      expect(threadNiceValues().filter((nice) => nice === own).length).toBeGreaterThan(0);
    } finally {
      await worker.close();
    }
  });
});
