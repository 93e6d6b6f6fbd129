// Enforces where code may run (DESIGN.md convention 1, ARCHITECTURE.md "Layers"). Part of `npm test`.
//   electron/common   — pure: nothing outside common, no electron, no Node built-ins, no DOM
//   electron/node     — Node: never electron, electron/main, electron/preload or renderer; seeds/ only
//                       from electron/node/seed/ (the seeding entry)
//   electron/main     — Electron main: never renderer or seeds
//   electron/preload  — sandboxed: only electron, electron/common and electron/preload
//   renderer          — browser: never electron, Node built-ins, electron/node|main|preload, native, seeds, build
//   native            — Node: never electron, electron/node|main|preload, renderer or seeds
//   seeds             — pure: only electron/common and seeds, no Node built-ins, no electron
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Violation {
  file: string;
  line: number;
  spec: string;
  rule: string;
}

const BUILTINS = new Set(builtinModules.flatMap((m) => [m, m.split('/')[0]]));
const IMPORT_RE = new RegExp(
  [
    `(?:^|[\\s;])(?:import|export)\\s[^'"]*?from\\s*['"]([^'"]+)['"]`,
    `(?:^|[\\s;])import\\s*['"]([^'"]+)['"]`,
    `\\bimport\\s*\\(\\s*['"]([^'"]+)['"]\\s*\\)`,
    `\\brequire\\s*\\(\\s*['"]([^'"]+)['"]\\s*\\)`,
  ].join('|'),
  'g',
);
const DOM_RE = /\b(window|document|navigator)\s*\.|\b(localStorage|sessionStorage|HTMLElement|requestAnimationFrame)\b/;

type Zone = 'common' | 'node' | 'main' | 'preload' | 'renderer' | 'native' | 'seeds';
const ZONES: [string, Zone][] = [
  ['electron/common/', 'common'],
  ['electron/node/', 'node'],
  ['electron/main/', 'main'],
  ['electron/preload/', 'preload'],
  ['renderer/', 'renderer'],
  ['native/', 'native'],
  ['seeds/', 'seeds'],
];

function stripComments(src: string): string {
  return src.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"`])\/\/[^\n]*/g, '$1');
}

function isNodeBuiltin(spec: string): boolean {
  return spec.startsWith('node:') || BUILTINS.has(spec) || BUILTINS.has(spec.split('/')[0]);
}

const under = (target: string | null, ...dirs: string[]) =>
  target !== null && dirs.some((d) => target === d || target.startsWith(`${d}/`));

/** The rule an import breaks, or null. `target` is the repository path of a relative import. */
function ruleFor(zone: Zone, file: string, spec: string, target: string | null): string | null {
  const electron = spec === 'electron' || spec.startsWith('electron/');
  switch (zone) {
    case 'common':
      if (electron) return 'electron/common must not import electron';
      if (isNodeBuiltin(spec)) return 'electron/common must not import Node built-ins (node:*)';
      if (target && !under(target, 'electron/common')) return 'electron/common must not import outside electron/common';
      return null;
    case 'node':
      if (electron) return 'electron/node must not import electron (it runs in plain Node too)';
      if (under(target, 'electron/main', 'electron/preload', 'renderer')) {
        return 'electron/node must not import electron/main, electron/preload or renderer';
      }
      if (under(target, 'seeds') && !file.startsWith('electron/node/seed/')) {
        return 'only electron/node/seed/ may import seeds/ (run-time rules are read from the store)';
      }
      return null;
    case 'main':
      return under(target, 'renderer', 'seeds') ? 'electron/main must not import renderer or seeds' : null;
    case 'preload':
      if (target && !under(target, 'electron/common', 'electron/preload')) {
        return 'preload may import only electron/common and electron/preload';
      }
      return !target && spec !== 'electron' ? 'preload may import only electron (it runs sandboxed)' : null;
    case 'renderer':
      if (spec === 'electron') return 'renderer must not import electron';
      if (isNodeBuiltin(spec)) return 'renderer must not import Node built-ins';
      if (under(target, 'electron/node', 'electron/main', 'electron/preload')) {
        return 'renderer must not import electron/node, electron/main or electron/preload';
      }
      return under(target, 'native', 'seeds', 'build') ? 'renderer must not import native/, seeds/ or build/' : null;
    case 'native':
      // the Electron-ABI build step reads Electron's version from its package.json, and runs nothing of it
      if (electron && spec !== 'electron/package.json') return 'native must not import electron';
      return under(target, 'electron/node', 'electron/main', 'electron/preload', 'renderer', 'seeds')
        ? 'native may import only electron/common from the project'
        : null;
    case 'seeds':
      if (isNodeBuiltin(spec) || electron) return 'seeds must stay pure (no Node built-ins, no electron)';
      return target && !under(target, 'electron/common', 'seeds')
        ? 'seeds may import only electron/common and seeds'
        : null;
  }
}

/** Checks one file; `file` is relative to the repository root with forward slashes. */
export function checkSource(file: string, source: string): Violation[] {
  const out: Violation[] = [];
  const zone = ZONES.find(([prefix]) => file.startsWith(prefix))?.[1];
  if (!zone) return out;
  const code = stripComments(source);
  const lineOf = (idx: number) => code.slice(0, idx).split('\n').length;
  const dir = path.posix.dirname(file);
  for (const m of code.matchAll(IMPORT_RE)) {
    const spec = m[1] ?? m[2] ?? m[3] ?? m[4];
    const target = spec.startsWith('.') ? path.posix.normalize(path.posix.join(dir, spec)) : null;
    const rule = ruleFor(zone, file, spec, target);
    if (rule) out.push({ file, line: lineOf(m.index ?? 0), spec, rule });
  }
  if (zone === 'common') {
    if (/\/\/\/\s*<reference\s+lib=["']dom/i.test(source)) {
      out.push({ file, line: 1, spec: 'lib dom', rule: 'electron/common must not use the DOM' });
    }
    code.split('\n').forEach((l, i) => {
      const withoutStrings = l.replace(/(['"`])(?:\\.|(?!\1).)*\1/g, '""');
      const m = DOM_RE.exec(withoutStrings);
      if (m) out.push({ file, line: i + 1, spec: m[1] ?? m[2], rule: 'electron/common must not use the DOM' });
    });
  }
  return out;
}

function walk(root: string, rel: string, acc: string[]): string[] {
  const abs = path.join(root, rel);
  if (!fs.existsSync(abs)) return acc;
  for (const e of fs.readdirSync(abs, { withFileTypes: true })) {
    const r = path.posix.join(rel, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules' && e.name !== 'dist') walk(root, r, acc);
    } else if (/\.(ts|vue|mts|mjs|js)$/.test(e.name) && !e.name.endsWith('.d.ts')) acc.push(r);
  }
  return acc;
}

export function checkTree(root: string): Violation[] {
  const files = ZONES.flatMap(([prefix]) => walk(root, prefix.slice(0, -1), []));
  return files.flatMap((f) => checkSource(f, fs.readFileSync(path.join(root, f), 'utf8')));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const v = checkTree(root);
  if (v.length) {
    for (const x of v) console.error(`${x.file}:${x.line}  '${x.spec}'  ${x.rule}`);
    console.error(`lint-boundaries: ${v.length} violation(s)`);
    process.exit(1);
  }
  console.log('lint-boundaries: ok');
}
