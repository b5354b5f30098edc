#!/usr/bin/env node
// The peer of bench/run: Human 3.3.6 (its dist/human.node-wasm.js) on @tensorflow/tfjs-backend-wasm in Node, timing
// detect() on the pixels the Java benchmarks use (written by ai.human.bench.DumpPixels: ImageIO's decode of the
// face-api samples). Decoding is not timed; every image is an int32 tensor [1, h, w, 3] made once.
//
// usage: node peer.mjs --pixels DIR --config face-default|face-multi|full|full-multi
//                      [--warmup PASSES] [--passes PASSES] [--out FILE.json]
//   A pass is one detect() per sample, sample1 to sample6, timed one by one. After the warm-up passes, each timed
//   pass gives the mean ms per image over the six; the report's figure is the median of those means.
// Configurations (the same as ai.human.bench.BenchConfig): Human's defaults with every face model on (detector, mesh,
// iris, description, emotion, antispoof, liveness); "face" turns body, hand, object and gesture off, "full" turns them
// on (movenet-lightning, handtrack + handlandmark-lite, centernet); "-multi" sets face.detector.maxDetected to 20.
// Frame caching is off (cacheSensitivity 0) so that every call computes everything, as on the Java side.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const modules = path.join(here, 'node_modules');
const humanPackage = path.join(modules, '@vladmandic', 'human');

function options(argv) {
  const o = { pixels: null, config: null, warmup: 2, passes: 5, out: null };
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${key} needs a value`);
      return argv[++i];
    };
    if (key === '--pixels') o.pixels = value();
    else if (key === '--config') o.config = value();
    else if (key === '--warmup') o.warmup = Number.parseInt(value(), 10);
    else if (key === '--passes') o.passes = Number.parseInt(value(), 10);
    else if (key === '--out') o.out = value();
    else throw new Error(`unknown argument ${key}; see the usage at the top of peer.mjs`);
  }
  if (!o.pixels || !o.config) throw new Error('--pixels and --config are required; see the usage at the top of peer.mjs');
  if (!(o.passes > 0) || !(o.warmup >= 0)) throw new Error('--passes must be at least 1 and --warmup at least 0');
  return o;
}

function humanConfig(name) {
  const match = /^(face|full)(-default|-multi)?$/.exec(name);
  if (!match) throw new Error(`unknown configuration ${name}: use face-default, face-multi, full or full-multi`);
  const full = match[1] === 'full';
  return {
    backend: 'wasm',
    wasmPath: path.join(modules, '@tensorflow', 'tfjs-backend-wasm', 'dist') + path.sep,
    modelBasePath: pathToFileURL(path.join(humanPackage, 'models')).href + '/',
    debug: false,
    cacheSensitivity: 0,
    face: {
      enabled: true,
      detector: { maxDetected: match[2] === '-multi' ? 20 : 1 },
      mesh: { enabled: true },
      iris: { enabled: true },
      description: { enabled: true },
      emotion: { enabled: true },
      antispoof: { enabled: true },
      liveness: { enabled: true },
    },
    body: { enabled: full, modelPath: 'movenet-lightning.json' },
    hand: { enabled: full, detector: { modelPath: 'handtrack.json' }, skeleton: { modelPath: 'handlandmark-lite.json' } },
    object: { enabled: full, modelPath: 'centernet.json' },
    gesture: { enabled: full },
  };
}

// Human's node-wasm build requires tfjs-core, -converter and -backend-wasm (CommonJS). Its package "exports" map names
// the file without "./", which Node refuses, so it is required by path.
const { Human } = require(path.join(humanPackage, 'dist', 'human.node-wasm.js'));
const tf = require('@tensorflow/tfjs-core');

// tfjs-core has no file:// model loader in Node (tfjs-node has one): read model.json and its weight files from disk
tf.io.registerLoadRouter((url) => {
  if (typeof url !== 'string' || !url.startsWith('file://')) return null;
  const file = fileURLToPath(url);
  return {
    load: async () => {
      const json = JSON.parse(fs.readFileSync(file, 'utf8'));
      return tf.io.getModelArtifactsForJSON(json, async (manifest) => {
        const specs = manifest.flatMap((group) => group.weights);
        const data = Buffer.concat(manifest.flatMap((group) => group.paths.map((p) => fs.readFileSync(path.join(path.dirname(file), p)))));
        return [specs, data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength)];
      });
    },
  };
});

const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};
const round = (x) => Math.round(x * 100) / 100;

async function main() {
  const o = options(process.argv.slice(2));
  const index = JSON.parse(fs.readFileSync(path.join(o.pixels, 'pixels.json'), 'utf8'));
  const t0 = performance.now();
  const human = new Human(humanConfig(o.config));
  await human.load();
  await human.tf.ready();
  const loadMs = performance.now() - t0;
  if (human.tf.getBackend() !== 'wasm') throw new Error(`backend wasm requested, ${human.tf.getBackend()} active`);

  const images = index.images.map((entry) => {
    const rgb = fs.readFileSync(path.join(o.pixels, entry.file));
    if (rgb.length !== entry.width * entry.height * 3) throw new Error(`${entry.file}: ${rgb.length} bytes, expected ${entry.width}x${entry.height}x3`);
    return { name: entry.name, tensor: tf.tensor4d(Int32Array.from(rgb), [1, entry.height, entry.width, 3], 'int32') };
  });


  const detect = async (image) => {
    const start = performance.now();
    const result = await human.detect(image.tensor);
    const ms = performance.now() - start;
    if (result.error) throw new Error(`detect on ${image.name}: ${result.error}`);
    for (const face of result.face) if (face.tensor) tf.dispose(face.tensor);
    return { ms, counts: [result.face.length, result.body.length, result.hand.length, result.object.length] };
  };

  const first = await detect(images[0]);
  for (let pass = 0; pass < o.warmup; pass++) for (const image of images) await detect(image);
  const passes = [];
  const perImage = images.map(() => []);
  let counts = null;
  for (let pass = 0; pass < o.passes; pass++) {
    const ms = [];
    counts = [];
    for (let i = 0; i < images.length; i++) {
      const r = await detect(images[i]);
      ms.push(r.ms);
      perImage[i].push(r.ms);
      counts.push(r.counts);
    }
    passes.push(ms.reduce((a, b) => a + b, 0) / ms.length);
  }
  images.forEach((image) => tf.dispose(image.tensor));

  const wasmFlag = async (name) => { try { return await tf.env().getAsync(name); } catch { return null; } };
  const report = {
    peer: `Human ${human.version} on tfjs-backend-wasm ${tf.version_core}`,
    config: o.config,
    node: process.version,
    cpus: os.cpus().length,
    loadAverage: os.loadavg(),
    wasmSimd: await wasmFlag('WASM_HAS_SIMD_SUPPORT'),
    wasmThreads: await wasmFlag('WASM_HAS_MULTITHREAD_SUPPORT'),
    pixels: index.decoder,
    loadMs: round(loadMs),
    firstDetectMs: round(first.ms),
    warmupPasses: o.warmup,
    passMeanMs: passes.map(round),
    msPerImage: round(median(passes)),
    perImageMedianMs: Object.fromEntries(images.map((image, i) => [image.name, round(median(perImage[i]))])),
    countsFaceBodyHandObject: Object.fromEntries(images.map((image, i) => [image.name, counts[i]])),
    tensorsAfter: tf.engine().memory().numTensors,
  };
  const text = JSON.stringify(report, null, 1);
  if (o.out) fs.writeFileSync(o.out, `${text}\n`);
  console.log(`peer ${o.config}: ${report.msPerImage} ms per image (median of ${o.passes} pass means after ${o.warmup} warm-up passes), load ${report.loadMs} ms, simd ${report.wasmSimd}, threads ${report.wasmThreads}`);
}

main().catch((e) => { console.error(e.stack || String(e)); process.exit(1); });
