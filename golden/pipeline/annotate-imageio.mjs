#!/usr/bin/env node
// Turns a run.mjs results file made on the ImageIO PNGs into a pipeline golden:
//   node annotate-imageio.mjs results.json imageio-pixels.json --png-dir DIR --source-dir images/face-api --pngjs 7.0.0 [--out file.json]
// imageio-pixels.json is what golden/tools/ImageIoPixels.java --json writes. For every image the oracle's rgbSha256
// (SHA-256 of the RGB bytes pngjs decoded) must equal the hash ImageIO produced, and the size must match; otherwise
// it stops with exit code 1 and writes nothing. Then, per image: `image` becomes the JPEG's name (sample1.png ->
// sample1.jpg) so results match the Java side by name, plus `sourceImage`, `decoder`, `oracleInput`; the machine-
// specific `file` path is dropped. Top level: `pixels` (how the pixels were made), `oracle.argv` with the temporary
// folder replaced by $IMAGEIO_PNG_DIR and --out by the file's own name, and `runtime.jpegDecoder` replaced by
// `runtime.imageDecoder` (jpeg-js is not used for PNG input). Everything Human computed is left as it is.
import fs from 'node:fs';
import path from 'node:path';

const argv = process.argv.slice(2);
const option = (name) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : null; };
const files = argv.filter((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--'));
const pngDir = option('--png-dir');
const sourceDir = option('--source-dir');
const pngjs = option('--pngjs');
const out = option('--out') ?? files[0];
if (files.length !== 2 || !pngDir || !sourceDir || !pngjs) {
  console.error('usage: node annotate-imageio.mjs results.json imageio-pixels.json --png-dir DIR --source-dir images/face-api --pngjs VERSION [--out file.json]');
  process.exit(2);
}
const [results, pixels] = files.map((f) => JSON.parse(fs.readFileSync(f, 'utf8')));

const errors = [];
const images = results.images.map((entry) => {
  const jpeg = pixels.images.find((p) => p.png === entry.image);
  if (!jpeg) { errors.push(`${entry.image}: not in ${files[1]} (no ImageIO decode made this PNG)`); return entry; }
  if (entry.rgbSha256 !== jpeg.rgbSha256) errors.push(`${entry.image}: oracle rgbSha256 ${entry.rgbSha256} != ImageIO ${jpeg.rgbSha256} of ${jpeg.image}`);
  if (entry.width !== jpeg.width || entry.height !== jpeg.height) errors.push(`${entry.image}: oracle ${entry.width}x${entry.height} != ImageIO ${jpeg.width}x${jpeg.height}`);
  const { image, file, ...rest } = entry;
  return {
    image: jpeg.image,
    sourceImage: `${sourceDir.replace(/\/+$/, '')}/${jpeg.image}`,
    decoder: pixels.decoder,
    oracleInput: `${image} (lossless 8-bit RGB PNG of the ImageIO pixels, read by pngjs ${pngjs})`,
    ...rest,
  };
});
if (errors.length) {
  console.error(`annotate-imageio: ${files[0]}: the oracle did not see ImageIO's pixels:\n  ${errors.join('\n  ')}`);
  process.exit(1);
}

const pngDirs = new Set([pngDir, path.resolve(pngDir), pngDir.replace(/\/+$/, '')]);
const oracleArgv = results.oracle.argv.map((a, i, all) => {
  if (all[i - 1] === '--out') return path.basename(out);
  if (pngDirs.has(a) || pngDirs.has(a.replace(/\/+$/, ''))) return '$IMAGEIO_PNG_DIR';
  return a;
});
const { jpegDecoder, ...runtime } = results.runtime;
const golden = {
  oracle: { ...results.oracle, argv: oracleArgv },
  pixels: {
    decoder: pixels.decoder,
    jdk: pixels.jdk,
    reader: pixels.reader,
    definition: pixels.pixels,
    oracleInput: `each JPEG's ImageIO pixels saved as lossless PNG in $IMAGEIO_PNG_DIR (temporary, not committed) by golden/tools/ImageIoPixels.java; run.mjs read them with pngjs ${pngjs}; per image rgbSha256 (oracle) == ImageIO hash was checked`,
  },
  runtime: { ...runtime, imageDecoder: `pngjs ${pngjs} (PNG input; ${jpegDecoder ?? 'jpeg-js'} not used)` },
  ...Object.fromEntries(Object.entries(results).filter(([k]) => !['oracle', 'runtime', 'images'].includes(k))),
  images,
};
fs.writeFileSync(out, JSON.stringify(golden, null, 1));
console.log(`${out}: ${images.map((i) => `${i.image} rgbSha256 ${i.rgbSha256.slice(0, 16)} ok`).join(', ')}`);
