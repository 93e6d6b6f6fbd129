// Enforces where code may run (DESIGN.md, convention 1). Part of `npm test`.
//   electron/common  — pure: no electron, no node:* or Node built-ins, no DOM, nothing outside common
//   renderer         — never electron/node, electron/main, electron/preload, electron or Node built-ins
//   electron/preload — only electron and electron/common (it runs sandboxed)
//   seeds            — only electron/common and seeds
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
const IMPORT_RE =
  /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g;
const DOM_RE = /\b(window|document|navigator)\s*\.|\b(localStorage|sessionStorage|HTMLElement|requestAnimationFrame)\b/;

function stripComments(src: string): string {
  return src.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"`])\/\/[^\n]*/g, '$1');
}

function isNodeBuiltin(spec: string): boolean {
  return spec.startsWith('node:') || BUILTINS.has(spec) || BUILTINS.has(spec.split('/')[0]);
}

/** Checks one file; `file` is relative to the repository root with forward slashes. */
export function checkSource(file: string, source: string): Violation[] {
  const out: Violation[] = [];
  const code = stripComments(source);
  const lineOf = (idx: number) => code.slice(0, idx).split('\n').length;
  const dir = path.posix.dirname(file);
  const zone = file.startsWith('electron/common/')
    ? 'common'
    : file.startsWith('renderer/')
      ? 'renderer'
      : file.startsWith('electron/preload/')
        ? 'preload'
        : file.startsWith('seeds/')
          ? 'seeds'
          : null;
  if (!zone) return out;

  for (const m of code.matchAll(IMPORT_RE)) {
    const spec = m[1] ?? m[2] ?? m[3] ?? m[4];
    const line = lineOf(m.index ?? 0);
    const target = spec.startsWith('.') ? path.posix.normalize(path.posix.join(dir, spec)) : null;
    const bad = (rule: string) => out.push({ file, line, spec, rule });
    if (zone === 'common') {
      if (spec === 'electron' || spec.startsWith('electron/')) bad('electron/common must not import electron');
      else if (isNodeBuiltin(spec)) bad('electron/common must not import Node built-ins (node:*)');
      else if (target && !target.startsWith('electron/common/') && target !== 'electron/common')
        bad('electron/common must not import outside electron/common');
    } else if (zone === 'renderer') {
      if (spec === 'electron') bad('renderer must not import electron');
      else if (isNodeBuiltin(spec)) bad('renderer must not import Node built-ins');
      else if (target && /^electron\/(node|main|preload)(\/|$)/.test(target))
        bad('renderer must not import electron/node, electron/main or electron/preload');
      else if (target && /^(native|seeds|build)(\/|$)/.test(target))
        bad('renderer must not import native/, seeds/ or build/');
    } else if (zone === 'preload') {
      if (target && !/^electron\/(common|preload)(\/|$)/.test(target))
        bad('preload may import only electron/common and electron/preload');
      else if (!target && spec !== 'electron') bad('preload may import only electron (it runs sandboxed)');
    } else if (zone === 'seeds') {
      if (isNodeBuiltin(spec) || spec === 'electron') bad('seeds must stay pure (no Node built-ins, no electron)');
      else if (target && !/^(electron\/common|seeds)(\/|$)/.test(target))
        bad('seeds may import only electron/common and seeds');
    }
  }
  if (zone === 'common') {
    if (/\/\/\/\s*<reference\s+lib=["']dom/i.test(source))
      out.push({ file, line: 1, spec: 'lib dom', rule: 'electron/common must not use the DOM' });
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
  const files = ['electron/common', 'electron/preload', 'renderer', 'seeds'].flatMap((d) => walk(root, d, []));
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
