#!/usr/bin/env node
// Companion of the oracle's segment.mjs: runs Human 3.3.6's human.segmentation() the same way (same config, one
// Human per process, images in the order given) and keeps what segment.mjs summarises: per image the decoded pixels'
// rgbSha256, the alpha channel of Human's RGBA result as a lossless 8-bit grey PNG (ALPHA_DIR/<image>.<model>.png),
// the SHA-256 of those alpha bytes, the mean and a 32x32 block-mean grid of every channel (so rvm's predicted
// foreground colours are covered too), and the result's shape and dtype.
// usage: node segment-alpha.mjs --models DIR --model rvm.json|selfie.json|meet.json [--backend wasm|cpu]
//                               --alpha-dir DIR --out file.json IMAGE|FOLDER...
// Run from the oracle folder or with HUMAN_ORACLE_DIR set.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const oracle = path.resolve(process.env.HUMAN_ORACLE_DIR || '.');
const { createHuman, decodeImage, imageTensor, tf } = await import(pathToFileURL(path.join(oracle, 'lib.mjs')).href);
const { PNG } = createRequire(path.join(oracle, 'package.json'))('pngjs');

const args = process.argv.slice(2);
const opt = (k, d) => { const i = args.indexOf(k); if (i < 0) return d; const v = args[i + 1]; args.splice(i, 2); return v; };
const models = opt('--models'); const model = opt('--model', 'rvm.json'); const backend = opt('--backend', 'wasm');
const out = opt('--out', 'segment-alpha.json'); const alphaDir = opt('--alpha-dir');
if (!models || !alphaDir) { console.error('--models and --alpha-dir are required'); process.exit(2); }
fs.mkdirSync(alphaDir, { recursive: true });
const files = args.flatMap((a) => (fs.statSync(a).isDirectory() ? fs.readdirSync(a).sort().map((f) => path.join(a, f)) : [a]));
// the same Human config as segment.mjs
const human = await createHuman(backend, { modelBasePath: `${pathToFileURL(path.resolve(models)).href}/`, segmentation: { enabled: true, modelPath: model }, face: { enabled: false }, body: { enabled: false }, hand: { enabled: false }, object: { enabled: false }, gesture: { enabled: false } });
const G = 32;
const images = [];
for (const f of files) {
  const img = decodeImage(f); const t = imageTensor(img);
  const res = await human.segmentation(t);
  const [h, w, c] = res.shape;
  const v = await res.data();
  const alpha = Buffer.alloc(w * h);
  const channels = [];
  for (let ch = 0; ch < c; ch++) {
    let sum = 0; const grid = new Array(G * G).fill(0); const cnt = new Array(G * G).fill(0);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const a = v[(y * w + x) * c + ch]; sum += a;
        const g = Math.floor(y * G / h) * G + Math.floor(x * G / w); grid[g] += a; cnt[g]++;
        if (ch === c - 1) {
          if (!Number.isInteger(a) || a < 0 || a > 255) throw new Error(`${f}: alpha ${a} at ${x},${y} is not an 8-bit integer`);
          alpha[y * w + x] = a;
        }
      }
    }
    channels.push({ mean: sum / (w * h), grid: grid.map((s, i) => Math.round(1000 * s / cnt[i]) / 1000) });
  }
  const name = `${path.basename(f).replace(/\.[^.]+$/, '')}.${model.replace(/\.json$/, '')}.png`;
  const png = new PNG({ width: w, height: h, colorType: 0, inputColorType: 0, inputHasAlpha: false, bitDepth: 8 });
  png.data = alpha;
  fs.writeFileSync(path.join(alphaDir, name), PNG.sync.write(png, { colorType: 0, inputColorType: 0, inputHasAlpha: false, bitDepth: 8 }));
  const back = PNG.sync.read(fs.readFileSync(path.join(alphaDir, name)));
  for (let i = 0; i < w * h; i++) if (back.data[i * 4] !== alpha[i]) throw new Error(`${name}: PNG does not read back the same alpha at ${i}`);
  images.push({
    image: path.basename(f), width: img.width, height: img.height, rgbSha256: img.sha256,
    shape: res.shape, dtype: res.dtype,
    alphaPng: name, alphaSha256: crypto.createHash('sha256').update(alpha).digest('hex'),
    channels: channels.map((x, i) => ({ channel: i === c - 1 ? 'alpha' : ['red', 'green', 'blue'][i], ...x })),
  });
  tf.dispose([res, t]);
  console.log(`${path.basename(f)} ${JSON.stringify(res.shape)} alpha mean ${(channels[c - 1].mean / 255).toFixed(4)} -> ${name}`);
}
fs.writeFileSync(out, JSON.stringify({ model, backend, images }, null, 1));
