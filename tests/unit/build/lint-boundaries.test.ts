import { describe, expect, it } from 'vitest';
import { checkSource, checkTree } from '../../../build/scripts/lint-boundaries';
import { ROOT } from '../../helpers/tmp';

const rules = (file: string, src: string) => checkSource(file, src).map((v) => v.rule);

describe('lint-boundaries', () => {
  it('flags electron, node:* and built-ins in electron/common', () => {
    expect(rules('electron/common/x.ts', "import { app } from 'electron';")).toEqual([
      'electron/common must not import electron',
    ]);
    expect(rules('electron/common/x.ts', "import fs from 'node:fs';")).toHaveLength(1);
    expect(rules('electron/common/x.ts', "import path from 'path';")).toHaveLength(1);
    expect(rules('electron/common/x.ts', "const x = await import('node:crypto');")).toHaveLength(1);
    expect(rules('electron/common/x.ts', "import { a } from '../node/store/repo';")).toEqual([
      'electron/common must not import outside electron/common',
    ]);
  });

  it('flags DOM use in electron/common but not words in strings or comments', () => {
    expect(rules('electron/common/x.ts', 'const w = window.innerWidth;')).toEqual([
      'electron/common must not use the DOM',
    ]);
    expect(rules('electron/common/x.ts', '/// <reference lib="dom" />\nexport {}')).toContain(
      'electron/common must not use the DOM',
    );
    expect(rules('electron/common/x.ts', "// the window of time\nconst s = 'document';")).toEqual([]);
  });

  it('allows pure imports in common', () => {
    expect(
      rules('electron/common/rpc/client.ts', "import { z } from 'zod';\nimport type { A } from '../contract';"),
    ).toEqual([]);
  });

  it('flags renderer imports of electron/node and electron/main', () => {
    expect(rules('renderer/src/a.ts', "import { startHost } from '../../electron/node/host/host';")).toHaveLength(1);
    expect(rules('renderer/src/a.ts', "import x from '../../electron/main/windows';")).toHaveLength(1);
    expect(rules('renderer/src/a.ts', "import fs from 'fs';")).toHaveLength(1);
    expect(rules('renderer/src/a.ts', "import { CONTRACT } from '../../electron/common/contract';")).toEqual([]);
  });

  it('keeps preload and seeds narrow', () => {
    expect(rules('electron/preload/p.ts', "import fs from 'node:fs';")).toHaveLength(1);
    expect(rules('electron/preload/p.ts', "import { contextBridge } from 'electron';")).toEqual([]);
    expect(rules('seeds/generate/x.ts', "import { openStore } from '../../native/sqlite/open';")).toHaveLength(1);
  });

  it('keeps node free of electron, main, renderer, and of seeds outside the seeding entry', () => {
    expect(rules('electron/node/dispatch/a.ts', "import { app } from 'electron';")).toHaveLength(1);
    expect(rules('electron/node/dispatch/a.ts', "import { x } from '../../main/windows';")).toEqual([
      'electron/node must not import electron/main, electron/preload or renderer',
    ]);
    expect(
      rules('electron/node/dispatch/a.ts', "import { R } from '../../../seeds/reference/responsibility';"),
    ).toEqual(['only electron/node/seed/ may import seeds/ (run-time rules are read from the store)']);
    expect(rules('electron/node/seed/loader.ts', "import { buildSeed } from '../../../seeds/generate/index';")).toEqual(
      [],
    );
    expect(rules('electron/node/host/a.ts', "import { z } from 'zod';\nimport fs from 'node:fs';")).toEqual([]);
  });

  it('keeps main off renderer and seeds, and native off the services', () => {
    expect(rules('electron/main/main.ts', "import x from '../../renderer/src/x';")).toHaveLength(1);
    expect(rules('electron/main/main.ts', "import { createConsole } from '../node/console/index';")).toEqual([]);
    expect(
      rules('native/sqlite/open.ts', "import { Ledger } from '../../electron/node/dispatch/ledger';"),
    ).toHaveLength(1);
    expect(rules('native/sqlite/open.ts', "import Database from 'better-sqlite3';")).toEqual([]);
  });

  it('the project itself is clean', () => {
    expect(checkTree(ROOT)).toEqual([]);
  });
});
