// `npm start` without the Electron binary: one clear paragraph, non-zero exit, no stack trace.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronBinary } from '../../../../build/scripts/lib.mjs';
import { ROOT } from '../../../helpers/tmp';

const hasBinary = electronBinary(ROOT).path !== null;

describe('npm start', () => {
  it.skipIf(hasBinary)('explains a missing Electron binary and exits 1 (skipped where the binary exists)', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'build/scripts/start.mjs')], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    const text = r.stderr + r.stdout;
    expect(text).toContain('Electron binary is not installed');
    expect(text).toContain('ELECTRON_MIRROR');
    expect(text).toContain('npm run serve');
    expect(text).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/); // no stack trace
    expect(text.trim().split('\n')).toHaveLength(1); // one paragraph
  });
});

describe('npm run serve arguments', () => {
  it('rejects a bad --port with a clear message', () => {
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'electron/node/cli/serve.ts'), '--port', 'abc'],
      { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--port must be an integer');
  });
});
