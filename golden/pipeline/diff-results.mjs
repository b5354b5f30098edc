#!/usr/bin/env node
// Leaf-by-leaf difference between two run.mjs results files (every field of images[].result except performance):
//   node diff-results.mjs reference.json candidate.json [--json out.json]
// Images are matched by name, arrays by index. Leaves are grouped by path with indices removed
// (e.g. face[].embedding[]); per group: number of numeric leaves, how many differ, max abs difference,
// and structural differences (missing keys, different array lengths, different strings or booleans).
import fs from 'node:fs';

const files = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && all[i - 1] !== '--json');
const jsonOut = process.argv.includes('--json') ? process.argv[process.argv.indexOf('--json') + 1] : null;
if (files.length !== 2) { console.error('usage: node diff-results.mjs reference.json candidate.json [--json out.json]'); process.exit(2); }
const [ref, cand] = files.map((f) => JSON.parse(fs.readFileSync(f, 'utf8')));

const groups = new Map();
const group = (key) => {
  if (!groups.has(key)) groups.set(key, { numeric: 0, differing: 0, maxAbs: 0, structural: 0, examples: [] });
  return groups.get(key);
};
const note = (g, text) => { g.structural++; if (g.examples.length < 3) g.examples.push(text); };

function walk(a, b, pathText, key) {
  if (typeof a === 'number' && typeof b === 'number') {
    const g = group(key);
    g.numeric++;
    const d = Math.abs(a - b);
    if (d !== 0 || Number.isNaN(a) !== Number.isNaN(b)) { g.differing++; g.maxAbs = Math.max(g.maxAbs, Number.isNaN(d) ? Infinity : d); }
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) note(group(`${key}.length`), `${pathText}: ${a.length} vs ${b.length}`);
    for (let i = 0; i < Math.min(a.length, b.length); i++) walk(a[i], b[i], `${pathText}[${i}]`, `${key}[]`);
    return;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (!(k in a) || !(k in b)) note(group(`${key}.${k}`), `${pathText}.${k}: only in ${k in a ? 'reference' : 'candidate'}`);
      else walk(a[k], b[k], `${pathText}.${k}`, `${key}.${k}`);
    }
    return;
  }
  if (a !== b) note(group(key), `${pathText}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
}

for (const ri of ref.images) {
  const ci = cand.images.find((x) => x.image === ri.image);
  if (!ci) { note(group('images'), `${ri.image}: missing in candidate`); continue; }
  const { performance: _rp, ...r } = ri.result;
  const { performance: _cp, ...c } = ci.result;
  walk(r, c, ri.image, 'result');
}

const rows = [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
const fmt = (v) => (v === 0 ? '0' : v.toExponential(2));
for (const [key, g] of rows) {
  if (g.structural) console.log(`${key}: ${g.structural} structural difference(s), e.g. ${g.examples.join('; ')}`);
  if (g.numeric) console.log(`${key}: ${g.numeric} values, ${g.differing} differ, maxAbs ${fmt(g.maxAbs)}`);
}
if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify(Object.fromEntries(rows), null, 1) + '\n');
