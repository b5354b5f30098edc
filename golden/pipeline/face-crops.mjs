#!/usr/bin/env node
// Human 3.3.6's returned face crops (`face.detector.return: true`), summarised small enough to commit.
//   node face-crops.mjs --oracle DIR --pixels imageio-pixels.json --png-dir DIR [--backend wasm|cpu] --out face-crops.json
// Runs the oracle's Human (DIR/lib.mjs: wasm backend by default) on the ImageIO PNGs made by
// golden/tools/ImageIoPixels.java, after checking that the RGB bytes pngjs decodes hash to what ImageIO produced.
// Each case below is one Human instance: the oracle's `--preset face` (Human's defaults with face detector, mesh,
// iris, description, emotion, antispoof and liveness on; body, hand, object, gesture off) plus cacheSensitivity 0
// and face.detector.return true, plus the case's own overrides. Per face it records Human's result box and, of
// `face.tensor`: shape, dtype, min, max, mean per channel (float64 sums) and every STRIDE-th value of the flattened
// (row-major, channel-last) tensor, rounded to 1e-5.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const STRIDE = 97;
const ROUND = 1e5;
const CASES = [
  { name: 'sample1-default', image: 'sample1.jpg', overrides: {} },
  { name: 'sample5-multi', image: 'sample5.jpg', overrides: { face: { detector: { maxDetected: 20 } } } },
  { name: 'sample1-mesh-off', image: 'sample1.jpg', overrides: { face: { mesh: { enabled: false } } } },
];

const argv = process.argv.slice(2);
const option = (name, fallback) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : fallback; };
const oracleDir = option('--oracle');
const pixelsFile = option('--pixels');
const pngDir = option('--png-dir');
const backend = option('--backend', 'wasm');
const out = option('--out');
if (!oracleDir || !pixelsFile || !pngDir || !out) {
  console.error('usage: node face-crops.mjs --oracle DIR --pixels imageio-pixels.json --png-dir DIR [--backend wasm|cpu] --out FILE');
  process.exit(2);
}
const lib = await import(pathToFileURL(path.resolve(oracleDir, 'lib.mjs')).href);
const pixels = JSON.parse(fs.readFileSync(pixelsFile, 'utf8'));
const pngjsVersion = JSON.parse(fs.readFileSync(path.join(oracleDir, 'node_modules', 'pngjs', 'package.json'), 'utf8')).version;

function summarise(tensor) {
  const values = tensor.dataSync();
  const channels = tensor.shape[tensor.shape.length - 1];
  const sums = new Array(channels).fill(0);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    sums[i % channels] += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const perChannel = values.length / channels;
  const subsample = [];
  for (let i = 0; i < values.length; i += STRIDE) subsample.push(Math.round(values[i] * ROUND) / ROUND);
  return { shape: tensor.shape, dtype: tensor.dtype, min, max, meanPerChannel: sums.map((s) => s / perChannel), subsample };
}

const cases = [];
let runtime = null;
for (const c of CASES) {
  const jpeg = pixels.images.find((p) => p.image === c.image);
  if (!jpeg) throw new Error(`${c.image} is not in ${pixelsFile}`);
  const img = lib.decodeImage(path.join(pngDir, jpeg.png));
  if (img.sha256 !== jpeg.rgbSha256) throw new Error(`${jpeg.png}: pngjs pixels hash ${img.sha256}, ImageIO made ${jpeg.rgbSha256}`);
  const userConfig = lib.mergeDeep(lib.presets.face, { cacheSensitivity: 0, face: { detector: { return: true } } }, c.overrides);
  const human = await lib.createHuman(backend, userConfig);
  runtime ??= await lib.runtimeInfo(human);
  const input = lib.imageTensor(img);
  const res = await human.detect(input);
  const faces = res.face.map((f) => ({ box: f.box, boxRaw: f.boxRaw, score: f.score, tensor: summarise(f.tensor) }));
  lib.disposeResultTensors(res);
  lib.tf.dispose(input);
  const face = human.config.face;
  cases.push({
    name: c.name,
    image: c.image,
    width: img.width,
    height: img.height,
    rgbSha256: img.sha256,
    userConfig,
    effective: { cacheSensitivity: human.config.cacheSensitivity, maxDetected: face.detector.maxDetected, rotation: face.detector.rotation, mesh: face.mesh.enabled, equalization: human.config.filter.equalization, mask: face.detector.mask },
    faces,
  });
  console.log(`${c.name}: ${faces.length} faces, crops ${faces.map((f) => f.tensor.shape.join('x')).join(' ')}`);
}
const { modelsLoaded, ...runtimeRest } = runtime;
const report = {
  about: 'Human 3.3.6 face.tensor (face.detector.return: true) on the ImageIO pixels of the face-api samples; see README.md',
  script: 'golden/pipeline/face-crops.mjs',
  subsample: { stride: STRIDE, round: 1 / ROUND, definition: 'values[i] for i = 0, stride, 2*stride, ... of the row-major flattened tensor' },
  pixels: { decoder: pixels.decoder, jdk: pixels.jdk, reader: pixels.reader, definition: pixels.pixels, oracleInput: `lossless 8-bit RGB PNG of the ImageIO pixels, read by pngjs ${pngjsVersion}` },
  runtime: { ...runtimeRest, jpegDecoder: undefined, modelsLoaded },
  createdAt: new Date().toISOString(),
  cases,
};
const json = JSON.stringify(report, null, 1)
  .replace(/\[\s+([-0-9.e,\s]+?)\s+\]/g, (m, inner) => `[${inner.split(/,\s*/).join(', ')}]`); // numeric arrays on one line
fs.writeFileSync(out, json + '\n');
console.log(`wrote ${out}`);
