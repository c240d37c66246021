import { spawnSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { stringify } from 'yaml';

/** Whether `promtool` runs here; without it the promtool tests are skipped, unless in CI, where they must run. */
export function promtoolAvailable(): boolean {
  if (process.env.CI) {
    return true;
  }
  return spawnSync('promtool', ['--version']).status === 0;
}

/** Runs promtool with the given files written to a fresh directory; returns its exit status and output. */
export function runPromtool(
  args: string[],
  files: Record<string, string>,
): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'promtool-'));
  try {
    for (const [name, content] of Object.entries(files)) {
      writeFileSync(join(dir, name), content);
    }
    const result = spawnSync('promtool', args, { cwd: dir, encoding: 'utf8' });
    if (result.error) {
      throw result.error;
    }
    return {
      status: result.status,
      output: `${result.stdout}${result.stderr}`,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A `promtool test rules` file for `rules.yml`, evaluated every minute. */
export function ruleTestFile(tests: object[]): string {
  return stringify(
    { rule_files: ['rules.yml'], evaluation_interval: '1m', tests },
    { lineWidth: 0 },
  );
}
