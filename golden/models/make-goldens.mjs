#!/usr/bin/env node
// Per-model golden data for Human 3.3.6's eleven default models on TensorFlow.js 4.22 (cpu backend).
//
// usage: HUMAN_ORACLE_DIR=/path/to/oracle node golden/models/make-goldens.mjs [--out DIR]
//   HUMAN_ORACLE_DIR: the oracle install (package.json + node_modules with @vladmandic/human 3.3.6 and
//   @tensorflow/tfjs-* 4.22.0); default: ../oracle next to the repository root.
//   --out: where to write (default: this script's folder).
//
// Two phases, the second in a fresh child process:
//  1. capture: runs Human 3.3.6 (cpu backend) detect() on two sample images and records the exact tensor Human
//     passes to every model (by wrapping GraphModel.execute/executeAsync) and the boxes it passes to
//     tf.image.cropAndResize. Each captured input is then recomputed from the decoded JPEG pixels with the
//     documented recipe (resize / crop / scale ops) and checked bit for bit; the captured tensor is stored.
//  2. run: tfjs-core + tfjs-converter + tfjs-backend-cpu only (no Human), loadGraphModel for each model,
//     feed the stored input, write every output (all signature / graph outputs, plus internal nodes Human requests).
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import crypto from 'node:crypto';
import { fileURLToPath, pathToFileURL } from 'node:url';

const scriptDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(scriptDir, '..', '..');
const oracleDir = path.resolve(process.env.HUMAN_ORACLE_DIR || path.join(repoRoot, '..', 'oracle'));
const humanPkg = path.join(oracleDir, 'node_modules', '@vladmandic', 'human', 'package.json');
if (!fs.existsSync(humanPkg)) {
  throw new Error(`no Human install found at ${oracleDir} (looked for ${humanPkg}); set HUMAN_ORACLE_DIR to the oracle folder (with node_modules installed by its setup.sh)`);
}
if (os.endianness() !== 'LE') throw new Error('this script writes typed-array bytes directly and assumes a little-endian machine');
const oracleRequire = createRequire(path.join(oracleDir, 'package.json'));
const modelsDir = path.join(oracleDir, 'node_modules', '@vladmandic', 'human', 'models');

const args = process.argv.slice(2);
const argValue = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const outDir = path.resolve(argValue('--out', scriptDir));
const phase = argValue('--phase', 'all');

const FACE_IMAGE = 'images/face-api/sample1.jpg';
const SCENE_IMAGE = 'images/face-api/sample2.jpg';

// which image each model's input is captured from, how Human prepares it, and which outputs Human itself requests
const MODELS = {
  blazeface: { image: FACE_IMAGE, recipe: 'resizeBilinear(rgbFloat, [256,256], alignCorners=false, halfPixelCenters=false) / 127.5 - 1' },
  facemesh: { image: FACE_IMAGE, recipe: 'cropAndResize(rgbFloat, [box], [0], [192,192], bilinear) / 255; box = Human\'s enlarged (x1.4) squared blazeface box, normalised [y1,x1,y2,x2]' },
  iris: { image: FACE_IMAGE, recipe: 'concat([flipLeftRight(cropAndResize(face, [leftEyeBox], [0], [64,64])), flipLeftRight(cropAndResize(face, [rightEyeBox], [0], [64,64]))], 0); face = facemesh input (192x192, 0..1); eye boxes from facemesh landmarks, see captured.cropAndResize' },
  emotion: { image: FACE_IMAGE, recipe: '(sum(resizeBilinear(face, [64,64]) * [0.2989,0.5870,0.1140], axis 3, keepDims) - 0.5) * 2; face = facemesh input' },
  faceres: { image: FACE_IMAGE, recipe: 'resizeBilinear(face, [224,224]) * 255; face = facemesh input' },
  antispoof: { image: FACE_IMAGE, recipe: 'resizeBilinear(face, [128,128]) (values 0..1); face = facemesh input' },
  liveness: { image: FACE_IMAGE, recipe: 'resizeBilinear(face, [32,32]) (values 0..1); face = facemesh input' },
  'movenet-lightning': { image: SCENE_IMAGE, recipe: 'cast(resizeBilinear(pad(rgbFloat to square, centred, zeros), [192,192]), int32)' },
  handtrack: {
    image: SCENE_IMAGE,
    recipe: 'cast(resizeBilinear(rgbFloat, [h,w]), int32); h = min(round(H/8)*8, 512), w = round(h*W/H/8)*8 (signature says uint8 [1,320,320,3]; graph accepts [1,-1,-1,3], tfjs maps DT_UINT8 to int32)',
    async: true,
    humanOutputs: ['StatefulPartitionedCall/Postprocessor/Slice', 'StatefulPartitionedCall/Postprocessor/ExpandDims_1'],
  },
  'handlandmark-lite': { image: SCENE_IMAGE, recipe: 'cropAndResize(rgbFloat, [handBox], [0], [224,224], bilinear) / 255; handBox = handtrack box scaled x1.4, normalised [y1,x1,y2,x2]', humanOutputs: ['Identity_1', 'Identity'] },
  centernet: { image: SCENE_IMAGE, recipe: 'resizeBilinear(rgbFloat, [512,512]) (values 0..255)', humanOutputs: ['tower_0/detections'] },
};

// ---------- shared helpers ----------
const sanitise = (name) => name.replace(/[^A-Za-z0-9._-]/g, '_');
const dtypeSuffix = { float32: 'f32', int32: 'i32', uint8: 'u8', bool: 'u8' };
const typedFor = (dtype, buf) => {
  const ab = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
  if (dtype === 'float32') return new Float32Array(ab);
  if (dtype === 'int32') return new Int32Array(ab);
  return new Uint8Array(ab);
};
const bytesOf = (typed) => Buffer.from(typed.buffer, typed.byteOffset, typed.byteLength);
const sha256 = (buf) => crypto.createHash('sha256').update(buf).digest('hex');
const writeGz = (file, typed) => fs.writeFileSync(file, zlib.gzipSync(bytesOf(typed), { level: 9 })); // gzip header mtime is 0: output is reproducible
const readGz = (file) => zlib.gunzipSync(fs.readFileSync(file));

function stats(values) {
  let min = Infinity; let max = -Infinity; let sum = 0; let nonFinite = 0;
  for (const v of values) {
    if (!Number.isFinite(v)) { nonFinite++; continue; }
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
  }
  const n = values.length - nonFinite;
  return { count: values.length, min: n ? min : null, max: n ? max : null, mean: n ? sum / n : null, nonFinite, first8: Array.from(values.slice(0, 8)) };
}

// weight dtypes and quantisation as model.json declares them (tfjs dequantises on load: float16 -> float32, uint8 -> min + q * scale)
function weightsSummary(modelJson) {
  const counts = {};
  for (const group of modelJson.weightsManifest) {
    for (const w of group.weights) {
      const key = w.quantization ? `${w.dtype} quantised as ${w.quantization.dtype}` : w.dtype;
      counts[key] = (counts[key] || 0) + 1;
    }
  }
  return counts;
}

function fileSha(file) { return sha256(fs.readFileSync(file)); }

// ---------- phase 1: capture what Human feeds each model ----------
async function capture() {
  const lib = await import(pathToFileURL(path.join(oracleDir, 'lib.mjs')).href);
  const { tf, createHuman, decodeImage, imageTensor, presets, mergeDeep } = lib;
  const tfc = oracleRequire('@tensorflow/tfjs-converter');
  let currentImage = null;
  const modelCalls = []; // { image, model, method, outputs, shape, dtype, data }
  const cropCalls = []; // { image, imageShape, boxes, boxInd, cropSize, method }

  const proto = tfc.GraphModel.prototype;
  const wrap = (method) => {
    const orig = proto[method];
    proto[method] = function wrapped(inputs, outputs) {
      const t = inputs instanceof tf.Tensor ? inputs : null;
      if (!t) throw new Error(`capture expects a single input tensor, got ${typeof inputs} for ${this.modelUrl}`);
      modelCalls.push({
        image: currentImage, model: path.basename(String(this.modelUrl)).replace(/\.json$/, ''), method, outputs: outputs ?? null,
        shape: [...t.shape], dtype: t.dtype, data: t.dataSync().slice(),
      });
      return orig.call(this, inputs, outputs);
    };
    return () => { proto[method] = orig; };
  };
  const unwrapExecute = wrap('execute');
  const unwrapExecuteAsync = wrap('executeAsync');
  const origCrop = tf.image.cropAndResize;
  tf.image.cropAndResize = function wrappedCrop(image, boxes, boxInd, cropSize, method, extrapolationValue) {
    const plainBoxes = boxes instanceof tf.Tensor ? boxes.arraySync() : boxes;
    cropCalls.push({ image: currentImage, imageShape: [...image.shape], boxes: JSON.parse(JSON.stringify(plainBoxes)), boxInd: boxInd instanceof tf.Tensor ? boxInd.arraySync() : boxInd, cropSize, method: method ?? 'bilinear', extrapolationValue: extrapolationValue ?? 0 });
    return origCrop(image, boxes, boxInd, cropSize, method, extrapolationValue);
  };

  const human = await createHuman('cpu', mergeDeep(presets.full, {}));
  const results = {};
  for (const rel of [FACE_IMAGE, SCENE_IMAGE]) {
    currentImage = rel;
    const img = decodeImage(path.join(oracleDir, rel));
    const input = imageTensor(img);
    const res = await human.detect(input);
    results[rel] = { rgbSha256: img.sha256, width: img.width, height: img.height, faces: res.face.length, bodies: res.body.length, hands: res.hand.length, objects: res.object.length };
    for (const f of res.face) tf.dispose(f.tensor);
    tf.dispose(input);
  }
  currentImage = null;
  unwrapExecute(); unwrapExecuteAsync(); tf.image.cropAndResize = origCrop;

  // recompute every captured input from decoded pixels with the documented recipe and compare bit for bit
  const pixels = {}; // created outside any tf.tidy so the recipes below can share them
  for (const rel of [FACE_IMAGE, SCENE_IMAGE]) pixels[rel] = tf.tidy(() => tf.cast(imageTensor(decodeImage(path.join(oracleDir, rel))), 'float32'));
  const rgbFloat = (rel) => pixels[rel];
  const cropsOf = (rel, pred) => cropCalls.filter((c) => c.image === rel && pred(c));
  const faceCrop = cropsOf(FACE_IMAGE, (c) => c.imageShape[1] > 192 && c.cropSize[0] === 192)[0];
  const eyeCrops = cropsOf(FACE_IMAGE, (c) => c.imageShape[1] === 192 && c.cropSize[0] === 64).slice(0, 2);
  const handCrop = cropsOf(SCENE_IMAGE, (c) => c.imageShape[1] > 224 && c.cropSize[0] === 224)[0];
  if (!faceCrop || eyeCrops.length !== 2 || !handCrop) throw new Error(`expected a face crop, two eye crops and a hand crop; got ${JSON.stringify(cropCalls.map((c) => [c.image, c.imageShape, c.cropSize]))}`);
  const face = () => tf.div(tf.image.cropAndResize(rgbFloat(FACE_IMAGE), faceCrop.boxes, faceCrop.boxInd, faceCrop.cropSize), tf.scalar(255));
  const rgbWeights = () => tf.tensor1d([0.2989, 0.5870, 0.1140], 'float32');
  const recompute = {
    blazeface: () => tf.sub(tf.div(tf.image.resizeBilinear(rgbFloat(FACE_IMAGE), [256, 256]), tf.scalar(127.5)), tf.scalar(1)),
    facemesh: face,
    iris: () => tf.concat(eyeCrops.map((c) => tf.image.flipLeftRight(tf.image.cropAndResize(face(), c.boxes, c.boxInd, c.cropSize)))),
    emotion: () => tf.mul(tf.sub(tf.sum(tf.mul(tf.image.resizeBilinear(face(), [64, 64], false), rgbWeights()), 3, true), tf.scalar(0.5)), tf.scalar(2)),
    faceres: () => tf.mul(tf.image.resizeBilinear(face(), [224, 224], false), tf.scalar(255)),
    antispoof: () => tf.image.resizeBilinear(face(), [128, 128], false),
    liveness: () => tf.image.resizeBilinear(face(), [32, 32], false),
    'movenet-lightning': () => {
      const x = rgbFloat(SCENE_IMAGE); const [h, w] = [x.shape[1], x.shape[2]];
      const padH = h < w ? Math.trunc((w - h) / 2) : 0; const padW = w < h ? Math.trunc((h - w) / 2) : 0;
      return tf.cast(tf.image.resizeBilinear(tf.pad(x, [[0, 0], [padH, padH], [padW, padW], [0, 0]]), [192, 192]), 'int32');
    },
    handtrack: () => {
      const x = rgbFloat(SCENE_IMAGE); const [H, W] = [x.shape[1], x.shape[2]];
      const h = Math.min(Math.round(H / 8) * 8, 512); const w = Math.round(h * (W / H) / 8) * 8;
      return tf.cast(tf.image.resizeBilinear(x, [h, w]), 'int32');
    },
    'handlandmark-lite': () => tf.div(tf.image.cropAndResize(rgbFloat(SCENE_IMAGE), handCrop.boxes, handCrop.boxInd, handCrop.cropSize, 'bilinear'), tf.scalar(255)),
    centernet: () => tf.image.resizeBilinear(rgbFloat(SCENE_IMAGE), [512, 512]),
  };

  const summary = { humanVersion: human.version, backend: tf.getBackend(), images: results, models: {} };
  for (const [name, spec] of Object.entries(MODELS)) {
    const call = modelCalls.find((c) => c.image === spec.image && c.model === name);
    if (!call) throw new Error(`Human did not call model ${name} on ${spec.image}; calls seen: ${JSON.stringify([...new Set(modelCalls.map((c) => `${c.image}:${c.model}`))])}`);
    const again = tf.tidy(recompute[name]);
    const againData = again.dataSync();
    let maxAbs = 0;
    const sameShape = JSON.stringify(again.shape) === JSON.stringify(call.shape) && again.dtype === call.dtype;
    if (sameShape) for (let i = 0; i < againData.length; i++) maxAbs = Math.max(maxAbs, Math.abs(againData[i] - call.data[i]));
    const bitIdentical = sameShape && sha256(bytesOf(againData)) === sha256(bytesOf(call.data));
    tf.dispose(again);
    if (!bitIdentical) console.warn(`warning: recipe for ${name} does not reproduce Human's input bit for bit (sameShape=${sameShape}, maxAbs=${maxAbs})`);

    const modelJson = JSON.parse(fs.readFileSync(path.join(modelsDir, `${name}.json`), 'utf8'));
    const sigInputs = Object.entries(modelJson.signature?.inputs || {});
    const inputName = sigInputs.length ? sigInputs[0][1].name : null;
    const dir = path.join(outDir, name);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    const file = `input.${dtypeSuffix[call.dtype]}.bin.gz`;
    writeGz(path.join(dir, file), call.data);
    const crops = name === 'facemesh' || ['emotion', 'faceres', 'antispoof', 'liveness'].includes(name) ? { face: faceCrop }
      : name === 'iris' ? { face: faceCrop, eyes: eyeCrops } : name === 'handlandmark-lite' ? { hand: handCrop } : {};
    const manifest = {
      model: name,
      weights: weightsSummary(modelJson),
      modelFiles: Object.fromEntries([`${name}.json`, ...modelJson.weightsManifest.flatMap((g) => g.paths)].map((f) => [f, fileSha(path.join(modelsDir, f))])),
      source: {
        image: path.basename(spec.image),
        imageFile: spec.image,
        rgbSha256: results[spec.image].rgbSha256,
        imageSize: [results[spec.image].width, results[spec.image].height],
        decodedWith: 'jpeg-js 0.4.4 (oracle lib.mjs decodeImage), int32 [1,H,W,3] cast to float32 as Human does',
      },
      inputs: [{
        signatureName: inputName,
        humanCall: `${call.method}(input${call.outputs ? `, ${JSON.stringify(call.outputs)}` : ''})`,
        dtype: call.dtype,
        signatureDtype: sigInputs.length ? sigInputs[0][1].dtype : null,
        shape: call.shape,
        file,
        sha256: sha256(bytesOf(call.data)),
        stats: stats(call.data),
        recipe: spec.recipe,
        cropAndResize: crops,
        recipeReproducesHumanInputBitForBit: bitIdentical,
        recipeMaxAbsDiff: sameShape ? maxAbs : null,
      }],
    };
    fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 1) + '\n');
    summary.models[name] = { input: call.shape, dtype: call.dtype, recipeBitIdentical: bitIdentical };
    console.log(`captured ${name.padEnd(18)} ${call.dtype} [${call.shape}] from ${path.basename(spec.image)} recipe-bit-identical=${bitIdentical}`);
  }
  return summary;
}

// ---------- phase 2: run each model with plain tfjs (cpu) on the stored inputs ----------
async function runModels() {
  const tf = oracleRequire('@tensorflow/tfjs-core');
  oracleRequire('@tensorflow/tfjs-backend-cpu');
  const tfc = oracleRequire('@tensorflow/tfjs-converter');
  await tf.setBackend('cpu');
  await tf.ready();
  const versions = {
    node: process.version,
    'tfjs-core': tf.version_core,
    'tfjs-converter': oracleRequire('@tensorflow/tfjs-converter/package.json').version,
    'tfjs-backend-cpu': oracleRequire('@tensorflow/tfjs-backend-cpu/package.json').version,
    human: JSON.parse(fs.readFileSync(humanPkg, 'utf8')).version,
    backend: tf.getBackend(),
  };
  const loadModel = async (name) => {
    const jsonPath = path.join(modelsDir, `${name}.json`);
    const modelJson = JSON.parse(fs.readFileSync(jsonPath, 'utf8'));
    const handler = {
      load: async () => tf.io.getModelArtifactsForJSON(modelJson, async (weightsManifest) => {
        const specs = []; const buffers = [];
        for (const group of weightsManifest) {
          specs.push(...group.weights);
          for (const p of group.paths) buffers.push(fs.readFileSync(path.join(modelsDir, p)));
        }
        const all = Buffer.concat(buffers);
        return [specs, all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength)];
      }),
    };
    return { model: await tfc.loadGraphModel(handler), modelJson };
  };

  const index = { versions, models: {} };
  for (const [name, spec] of Object.entries(MODELS)) {
    const dir = path.join(outDir, name);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    const { model, modelJson } = await loadModel(name);
    const inp = manifest.inputs[0];
    inp.graphNode = model.inputs[0].name;
    inp.graphTensor = `${model.inputs[0].name}:0`;
    inp.tfjsInputNode = model.inputNodes[0];
    const input = tf.tensor(typedFor(inp.dtype, readGz(path.join(dir, inp.file))), inp.shape, inp.dtype);
    const run = async (outputs) => {
      const r = spec.async ? await model.executeAsync(input, outputs) : model.execute(input, outputs);
      return Array.isArray(r) ? r : [r];
    };
    const sigOutputs = Object.entries(modelJson.signature?.outputs || {});
    const defaults = await run(undefined); // model.outputNodes order
    const extra = spec.humanOutputs ? await run(spec.humanOutputs) : [];
    const outputs = [];
    const writeOutput = (t, info) => {
      const raw = t.dataSync();
      // a float32 tensor produced by a cast can hold an Int32Array in tfjs: store its values as float32, not its bits
      const data = t.dtype === 'float32' && !(raw instanceof Float32Array) ? Float32Array.from(raw) : raw;
      const file = `${sanitise(info.graphNode)}.${dtypeSuffix[t.dtype]}.gz`;
      writeGz(path.join(dir, file), data);
      outputs.push({ ...info, dtype: t.dtype, shape: [...t.shape], file, sha256: sha256(bytesOf(data)), stats: stats(data) });
    };
    defaults.forEach((t, i) => {
      const node = model.outputNodes[i];
      const sig = sigOutputs.findIndex(([key]) => key === node);
      const graphNode = model.outputs[i].name;
      writeOutput(t, {
        graphNode,
        graphTensor: `${graphNode}:0`,
        tfjsOutputsIndex: i,
        tfjsOutputNode: node,
        signatureKey: sig >= 0 ? sigOutputs[sig][0] : null,
        signatureIndex: sig >= 0 ? sig : null,
        humanRequests: (spec.humanOutputs || []).includes(graphNode) || (spec.humanOutputs || []).includes(node),
      });
    });
    extra.forEach((t, i) => {
      const node = spec.humanOutputs[i];
      if (outputs.some((o) => o.graphNode === node || o.tfjsOutputNode === node)) return; // already written as a default output
      writeOutput(t, { graphNode: node, graphTensor: `${node}:0`, tfjsOutputsIndex: null, tfjsOutputNode: null, signatureKey: null, signatureIndex: null, humanRequests: true, internalNode: true });
    });
    tf.dispose([input, ...defaults, ...extra]);
    manifest.runtime = versions;
    manifest.execution = spec.async ? 'executeAsync (graph has control flow)' : 'execute';
    manifest.tfjs = {
      inputs: model.inputs.map((x) => ({ name: x.name, shape: x.shape ?? null, dtype: x.dtype ?? null })),
      inputNodes: model.inputNodes,
      outputs: model.outputs.map((x) => ({ name: x.name, shape: x.shape ?? null, dtype: x.dtype ?? null })),
      outputNodes: model.outputNodes,
    };
    manifest.signature = {
      inputs: Object.entries(modelJson.signature?.inputs || {}).map(([key, v]) => ({ key, name: v.name, dtype: v.dtype, shape: (v.tensorShape?.dim || []).map((d) => Number(d.size)) })),
      outputs: sigOutputs.map(([key, v]) => ({ key, name: v.name, dtype: v.dtype, shape: (v.tensorShape?.dim || []).map((d) => Number(d.size)) })),
    };
    manifest.humanRequestedOutputs = spec.humanOutputs ?? 'all (model.execute(input) without output names)';
    manifest.notes = NOTES[name] ?? [];
    manifest.outputs = outputs;
    fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 1) + '\n');
    index.models[name] = { input: `${inp.dtype} [${inp.shape}]`, outputs: outputs.map((o) => `${o.graphNode}${o.signatureKey && o.signatureKey !== o.graphTensor && o.signatureKey !== o.graphNode ? ` (${o.signatureKey})` : ''} ${o.dtype} [${o.shape}]`) };
    console.log(`ran ${name.padEnd(18)} ${outputs.map((o) => `${o.graphNode}[${o.shape}]`).join(' ')}`);
  }
  fs.writeFileSync(path.join(outDir, 'index.json'), JSON.stringify(index, null, 1) + '\n');
}

const NOTES = {
  blazeface: [
    'No signature in model.json; 4 outputs (two regressor/classifier pairs at two anchor resolutions). Human sorts them by element count and concatenates: [sorted[1] ++ sorted[3]] (512 anchors) then [sorted[0] ++ sorted[2]] (384 anchors) along axis 1 -> [896, 17].',
  ],
  facemesh: ['Human finds outputs by last dimension: 1404 = mesh (468 x 3, pixels in the 192 crop), 1 = face flag (already a probability), 266 = contours (unused).'],
  iris: ['Batch of 2: Human feeds both eye crops (left then right, both flipped left-right) in one call; output rows are per eye (76 points x 3 = 228).'],
  emotion: ['Output is already softmax; labels angry, disgust, fear, happy, sad, surprise, neutral.'],
  faceres: ['Human finds outputs by dimension 1: 1 = gender (sigmoid), 100 = age buckets (softmax), 1024 = descriptor.'],
  antispoof: ['Single score; Human rounds to 2 decimals.'],
  liveness: ['Human reads element [0] of the 2-element output.'],
  'movenet-lightning': ['[1,1,17,3]: y, x, score per keypoint, normalised to the padded square input.'],
  handtrack: [
    'Graph contains control flow (TensorList/While loops in the TF Object Detection API post-processor): needs executeAsync in tfjs.',
    'Signature outputs follow the TF Object Detection API layout in alphabetical key order (inferred from shapes and values): Identity = detection_anchor_indices [1,100], Identity_1 = detection_boxes [1,100,4] (y1,x1,y2,x2 normalised), Identity_2 = detection_classes [1,100], Identity_3 = detection_multiclass_scores [1,100,8], Identity_4 = detection_scores [1,100], Identity_5 = num_detections [1], Identity_6 = raw_detection_boxes [1,N,4], Identity_7 = raw_detection_scores [1,N,8].',
    'Weights are uint8-quantised (min + q * scale), so constants built from them are inexact: detection_classes (Identity_2) comes out as e.g. 1.988 or 4.012 instead of integers in tfjs; a port must dequantise exactly as tfjs does to match.',
    'Identity_*:0 outputs 0..5 come out of the model\'s own NMS (data-dependent): Identity_5:0 (num detections) must match exactly; rows beyond num detections are padding; row order follows score ties. Identity_6/Identity_7 are pre-NMS and data-independent.',
    'Human does NOT use the signature outputs: it requests the internal nodes StatefulPartitionedCall/Postprocessor/Slice (class scores, pre-NMS) and StatefulPartitionedCall/Postprocessor/ExpandDims_1 (boxes, pre-NMS) and runs its own NMS. These two need no control flow; they are stored as well (internalNode: true).',
    'Input: Human feeds int32 of a dynamic size (here 512 x 720), not the uint8 [1,320,320,3] the signature advertises; values are integers 0..255 so a uint8 feed with the same values is equivalent.',
  ],
  'handlandmark-lite': ['Human requests [Identity_1, Identity]: Identity_1 = hand score logit [1,1] (Human applies a reversed sigmoid), Identity = 21 keypoints x 3 in 224 crop pixels [1,63]. Identity_2/Identity_3 (handedness, world landmarks) are unused by Human.'],
  centernet: [
    'Human requests only tower_0/detections [1,100,6] = x1, y1, x2, y2 (input pixels, 0..512), score, class; it is built with top-k over the heat map, so row order depends on score ties (data-dependent ordering).',
    'tower_0/keypoints [1,128,128,80] is the class heat map, tower_0/wh [1,128,128,4] the box regression.',
  ],
};

// ---------- main ----------
if (phase === 'capture' || phase === 'all') {
  fs.mkdirSync(outDir, { recursive: true });
  await capture();
}
if (phase === 'all') {
  // a fresh process, so the model runs see plain tfjs without Human loaded
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--phase', 'run', '--out', outDir], { stdio: 'inherit', env: process.env });
  if (r.status !== 0) throw new Error(`model run phase failed with exit code ${r.status}`);
} else if (phase === 'run') {
  await runModels();
}
