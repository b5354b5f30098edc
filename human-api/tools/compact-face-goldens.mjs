// Shrinks an oracle result file (run.mjs output on ImageIO's pixels) to what the face option tests compare: per face
// the rounded and truncated fields in full, every 23rd mesh point plus the ten iris points, and every 32nd embedding
// value, with the indices kept. The schema is the oracle's (images[].result.face[]), so ai.human.testing.FaceGoldens
// reads both.
//
// usage: node compact-face-goldens.mjs oracle-output.json variant-name 'override1,override2' > compact.json
import fs from 'node:fs';

const [file, name, overrides] = process.argv.slice(2);
if (!file || !name) {
  console.error('usage: node compact-face-goldens.mjs <oracle output.json> <variant name> <comma-separated overrides>');
  process.exit(1);
}
const src = JSON.parse(fs.readFileSync(file, 'utf8'));
const keep = (length, step, tail) => {
  const out = [];
  for (let i = 0; i < length - tail; i += step) out.push(i);
  for (let i = Math.max(0, length - tail); i < length; i++) out.push(i);
  return out;
};
const out = {
  variant: name,
  overrides: overrides ? overrides.split(',') : [],
  madeFrom: 'Human 3.3.6 (oracle run.mjs, wasm) on lossless PNGs of the pixels ImageIO decodes from sample1..6.jpg',
  config: { cacheSensitivity: src.config.cacheSensitivity, face: src.config.face },
  images: src.images.map((image) => ({
    image: image.image.replace(/\.png$/, '.jpg'),
    width: image.width,
    height: image.height,
    rgbSha256: image.rgbSha256,
    result: {
      face: image.result.face.map((f) => {
        const meshIndices = f.mesh.length > 100 ? keep(f.mesh.length, 23, f.mesh.length === 478 ? 10 : 0) : keep(f.mesh.length, 1, 0);
        const embeddingIndices = keep((f.embedding || []).length, 32, 0);
        return {
          box: f.box, boxRaw: f.boxRaw, score: f.score, boxScore: f.boxScore, faceScore: f.faceScore, size: f.size,
          age: f.age, gender: f.gender, genderScore: f.genderScore, emotion: f.emotion, real: f.real, live: f.live,
          distance: f.distance, rotation: f.rotation,
          meshLength: f.mesh.length, meshIndices, mesh: meshIndices.map((i) => f.mesh[i]),
          embeddingLength: (f.embedding || []).length, embeddingIndices, embedding: embeddingIndices.map((i) => f.embedding[i]),
        };
      }),
    },
  })),
};
process.stdout.write(JSON.stringify(out) + '\n');
