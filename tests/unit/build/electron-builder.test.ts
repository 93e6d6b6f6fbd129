// The installers' configuration, checked without building them (the Electron binary cannot be fetched
// here): electron-builder's own schema accepts it; Windows x64 NSIS, Linux deb and AppImage on x64 and
// arm64; each installer carries the Electron-ABI better-sqlite3 of its architecture, unpacked, where the
// main process loads it; Cesium's assets are packed and unpacked; the settings example is valid.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { settingsSchema } from '../../../electron/node/cli/settings';
import { ROOT, tmpDir } from '../../helpers/tmp';

const require = createRequire(import.meta.url);
const config = parse(fs.readFileSync(path.join(ROOT, 'build/electron-builder.yml'), 'utf8'));
type Target = { target: string; arch: string[] };
type FileSet = { from: string; to: string; filter: string[] };

describe('electron-builder configuration', () => {
  it('passes electron-builder’s own schema', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config');
    await expect(validateConfiguration(config, { isEnabled: false, add() {} })).resolves.toBeUndefined();
    await expect(
      validateConfiguration({ ...config, linux: { tragets: [] } }, { isEnabled: false, add() {} }),
    ).rejects.toThrow(/Invalid configuration object/);
  });

  it('targets NSIS for Windows x64, and deb and AppImage for Linux x64 and arm64', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    const linux = Object.fromEntries((config.linux.target as Target[]).map((t) => [t.target, [...t.arch].sort()]));
    expect(linux).toEqual({ deb: ['arm64', 'x64'], AppImage: ['arm64', 'x64'] });
    expect(config.npmRebuild).toBe(false);
  });

  it('packs better-sqlite3 of the installer’s architecture where main loads it, unpacked from the asar', () => {
    const { expandMacro } = require('app-builder-lib/out/util/macroExpander');
    const native = (config.files as (string | FileSet)[]).find(
      (f): f is FileSet => typeof f === 'object' && f.filter?.includes('better_sqlite3.node'),
    )!;
    const appInfo = { productFilename: 'x', productName: 'x' };
    for (const arch of ['x64', 'arm64']) {
      // native/electron-abi/build.mjs --arch <arch> writes dist/native/electron/<arch>/better_sqlite3.node
      expect(expandMacro(native.from, arch, appInfo)).toBe(`dist/native/electron/${arch}`);
    }
    const packed = `${native.to}/better_sqlite3.node`;
    expect(config.asarUnpack).toContain(packed);
    const main = fs.readFileSync(path.join(ROOT, 'electron/main/main.ts'), 'utf8');
    expect(main).toContain(
      `.join(appDir, ${packed
        .split('/')
        .map((p) => `'${p}'`)
        .join(', ')})`,
    );
    expect(main).toMatch(/app\.asar\.unpacked/);
    const build = fs.readFileSync(path.join(ROOT, 'native/electron-abi/build.mjs'), 'utf8');
    expect(build).toMatch(/path\.join\(root, 'dist', 'native', 'electron'\)/);
  });

  it('packs Cesium’s assets, workers and third-party files, unpacked', () => {
    const files = config.files as string[];
    for (const d of ['Assets', 'Workers', 'ThirdParty'])
      expect(files).toContain(`node_modules/cesium/Build/Cesium/${d}/**`);
    expect(config.asarUnpack).toContain('node_modules/cesium/Build/Cesium/**');
    expect(files).toContain('node_modules/cesium/package.json'); // cesiumAssetsDir resolves through it
    expect(fs.existsSync(path.join(ROOT, 'node_modules/cesium/Build/Cesium/Workers'))).toBe(true);
  });

  it('ships a valid settings example beside the executable', () => {
    const extra = (config.extraFiles as FileSet[]).find((f) => f.to === 'lianqin.settings.example.json')!;
    const example = JSON.parse(fs.readFileSync(path.join(ROOT, extra.from), 'utf8'));
    expect(settingsSchema.safeParse(example).success).toBe(true);
  });

  it('refuses to pack an architecture whose native build is missing, naming the command', async () => {
    const hook = (await import(path.join(ROOT, config.beforePack))).default;
    const projectDir = tmpDir();
    const ctx = (arch: number) => ({ arch, packager: { projectDir } });
    await expect(hook(ctx(3))).rejects.toThrow(/no better-sqlite3 for Electron on arm64.*build\.mjs --arch arm64/);
    fs.mkdirSync(path.join(projectDir, 'dist/native/electron/arm64'), { recursive: true });
    fs.writeFileSync(path.join(projectDir, 'dist/native/electron/arm64/better_sqlite3.node'), 'x');
    await expect(hook(ctx(3))).resolves.toBeUndefined();
    await expect(hook(ctx(1))).rejects.toThrow(/on x64/);
  });

  it('the native build takes --arch x64 or arm64 and refuses anything else', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'native/electron-abi/build.mjs'), '--arch', 'mips'], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--arch must be one of x64, arm64, got mips/);
  });
});
