#!/usr/bin/env node
// Human 3.3.6's own configuration handling, for human-config's tests:
//   node golden/config/merged-config.mjs defaults                 -> Human's default config in Node (new Human().config)
//   node golden/config/merged-config.mjs merge USER.json           -> new Human(user).config: the user config deep-merged
//                                                                     over the defaults by Human's own mergeDeep
//   node golden/config/merged-config.mjs keys [USER.json]          -> every config key Human 3.3.6's src/ reads (dotted
//                                                                     paths, with the files that read them), whether the
//                                                                     defaults / typings have it, and whether USER sets it
// HUMAN_ORACLE_DIR: the oracle install (default ../oracle next to the repository root). Nothing is loaded or run:
// the config is read right after the constructor.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const oracle = path.resolve(process.env.HUMAN_ORACLE_DIR || path.join(repo, '..', 'oracle'));
const [mode, file] = process.argv.slice(2);
const { Human } = await import(pathToFileURL(path.join(oracle, 'lib.mjs')).href);
const print = (v) => process.stdout.write(`${JSON.stringify(v, null, 2)}\n`);
// Human logs to the console in its constructor when the config sets debug: keep stdout for the JSON
const quiet = (fn) => { const log = console.log; console.log = (...a) => console.error(...a); try { return fn(); } finally { console.log = log; } };

if (mode === 'defaults') {
  print(new Human().config);
} else if (mode === 'merge') {
  print(quiet(() => new Human(JSON.parse(fs.readFileSync(file, 'utf8')))).config);
} else if (mode === 'keys') {
  const src = path.join(oracle, 'node_modules', '@vladmandic', 'human', 'src');
  const defaults = new Human().config;
  const user = file ? JSON.parse(fs.readFileSync(file, 'utf8')) : null;
  // the typings: config.ts's interfaces (comments removed), members with inherited ones, walked from Config
  const typingsText = fs.readFileSync(path.join(src, 'config.ts'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  const interfaces = {};
  for (const m of typingsText.matchAll(/interface (\w+)(?: extends (\w+))? \{/g)) {
    let depth = 1; let i = m.index + m[0].length; let body = '';
    for (; depth > 0 && i < typingsText.length; i++) {
      const c = typingsText[i];
      if (c === '{') depth++;
      if (c === '}') depth--;
      if (depth === 1 && c !== '}') body += c; else if (depth > 1 && c === '{') body += '{'; // keep top-level members only
    }
    interfaces[m[1]] = { parent: m[2], members: Object.fromEntries([...body.matchAll(/(\w+)\??:\s*([^,;\n]+)/g)].map((x) => [x[1], x[2].trim()])) };
  }
  const member = (iface, name) => { for (let i = interfaces[iface]; i; i = interfaces[i.parent]) if (i.members[name]) return i.members[name]; return null; };
  const inTypings = (key) => {
    let iface = 'Config';
    for (const part of key.split('.')) {
      if (iface === '{') return true; // a member of an inline object type (hand.detector, hand.skeleton: { modelPath })
      const type = iface ? member(iface, part) : null;
      if (!type) return false;
      iface = type.startsWith('{') ? '{' : (type.match(/(\w+Config)\b/) || [])[1] ?? null;
    }
    return true;
  };
  const files = [];
  const walk = (dir) => { for (const f of fs.readdirSync(dir)) { const p = path.join(dir, f); if (fs.statSync(p).isDirectory()) walk(p); else if (p.endsWith('.ts') && !p.endsWith('.d.ts') && f !== 'config.ts') files.push(p); } };
  walk(src);
  // config.a.b, config.a?.b, config.a['b'], config.a?.['b'], this.config..., instance.config... (any prefix ending in "config")
  const re = /config((?:\??\.[A-Za-z_]+|\??\.?\[['"][A-Za-z_]+['"]\])+)/g;
  const sections = new Set(Object.keys(defaults));
  const reads = {};
  for (const f of files) {
    const text = fs.readFileSync(f, 'utf8');
    for (const m of text.matchAll(re)) {
      const parts = m[1].replace(/\?/g, '').replace(/\.?\[['"]([A-Za-z_]+)['"]\]/g, '.$1').split('.').filter(Boolean);
      if (!sections.has(parts[0])) continue; // another object called config (draw options, kernel configs, canvas)
      while (parts.length && ['includes', 'match', 'length'].includes(parts[parts.length - 1])) parts.pop();
      const key = parts.join('.');
      (reads[key] = reads[key] || new Set()).add(path.relative(src, f));
    }
  }
  const get = (obj, key) => key.split('.').reduce((o, k) => (o && typeof o === 'object' ? o[k] : undefined), obj);
  const isLeafOrSection = (key) => get(defaults, key) !== undefined || Object.keys(reads).some((k) => k.startsWith(`${key}.`));
  const keys = Object.keys(reads).sort().map((key) => ({
    key,
    readIn: [...reads[key]].sort(),
    inDefaults: get(defaults, key) !== undefined,
    inTypings: inTypings(key),
    kind: Object.keys(reads).some((k) => k.startsWith(`${key}.`)) ? 'section' : 'value',
    ...(user ? { setByUser: get(user, key) !== undefined } : {}),
  })).filter((k) => isLeafOrSection(k.key) || k.kind === 'value');
  print({ source: '@vladmandic/human 3.3.6 src/**/*.ts (config.ts excluded), every config.<section>... access', keys });
} else {
  console.error('usage: merged-config.mjs defaults | merge USER.json | keys [USER.json]');
  process.exit(2);
}
