// Writes the face-mesh index tables of Human 3.3.6 (named landmark groups and the iris-model-to-mesh mapping)
// as JSON data for ai.human.internal.face.MeshAnnotations. The tables are data, read from Human's source
// file face/facemeshcoords.ts; only their values are kept.
//
// usage (from the repository root, with the oracle's npm install):
//   node human-api/tools/make-face-landmarks.mjs /work/oracle/node_modules/@vladmandic/human/src/face/facemeshcoords.ts \
//     > human-api/src/main/resources/ai/human/internal/face/mesh-annotations.json
import fs from 'node:fs';

const file = process.argv[2];
if (!file) {
  console.error('usage: node make-face-landmarks.mjs <path to @vladmandic/human/src/face/facemeshcoords.ts>');
  process.exit(1);
}
const text = fs.readFileSync(file, 'utf8');

// the object or array literal that follows `export const NAME...=`, found by bracket matching
function literal(name) {
  const start = text.indexOf(`export const ${name}`);
  if (start < 0) throw new Error(`${name} not found in ${file}`);
  const i = start + text.slice(start).search(/= *[[{]/) + text.slice(start).match(/= *[[{]/)[0].length - 1;
  let depth = 0;
  for (let j = i; j < text.length; j++) {
    if (text[j] === '[' || text[j] === '{') depth++;
    if (text[j] === ']' || text[j] === '}') depth--;
    if (depth === 0) return text.slice(i, j + 1);
  }
  throw new Error(`unbalanced literal for ${name}`);
}

// the literals hold only numbers, names and one reference to another table
const withoutComments = (s) => s.replace(/\/\/.*$/gm, '');
const meshAnnotations = Function(`return (${withoutComments(literal('meshAnnotations'))});`)();
const irisIndices = Function(`return (${withoutComments(literal('irisIndices'))});`)();

const out = {
  source: '@vladmandic/human 3.3.6 src/face/facemeshcoords.ts: meshAnnotations, irisIndices',
  generatedBy: 'node human-api/tools/make-face-landmarks.mjs <facemeshcoords.ts>',
  meshAnnotations,
  irisIndices,
};
// one line per group keeps the file short and its diffs readable
const lines = [
  '{',
  `  "source": ${JSON.stringify(out.source)},`,
  `  "generatedBy": ${JSON.stringify(out.generatedBy)},`,
  '  "meshAnnotations": {',
  Object.entries(meshAnnotations).map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n'),
  '  },',
  '  "irisIndices": [',
  irisIndices.map((e) => `    ${JSON.stringify(e)}`).join(',\n'),
  '  ]',
  '}',
];
JSON.parse(lines.join('\n'));
process.stdout.write(lines.join('\n') + '\n');
