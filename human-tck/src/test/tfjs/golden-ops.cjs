// Computes the op conformance kit's reference values with TensorFlow.js 4.22 on its CPU backend, whose kernels follow
// TensorFlow's semantics (SAME padding, resize coordinate modes, CropAndResize). The kit never computes its expected
// values with a Java backend; these numbers, small hand-computed examples and closed forms are its only sources.
//
// Run from the repository root (needs @tensorflow/tfjs-core and @tensorflow/tfjs-backend-cpu 4.22.0):
//   NODE_PATH=/work/oracle/node_modules node human-tck/src/test/tfjs/golden-ops.cjs \
//       > human-tck/src/main/resources/ai/human/tck/golden-ops.json
//
// Inputs are small multiples of 1/8 (exact in float32) from a fixed formula, written into the JSON next to the
// expected output, so the Java side reads both from the file.
const tf = require('@tensorflow/tfjs-core');
require('@tensorflow/tfjs-backend-cpu');

/** n values in [-1.375, 1.5] from a fixed pattern; `salt` varies the pattern between inputs. */
function pattern(n, salt, scale = 1) {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = ((((i * 37 + salt * 11) % 23) - 11) / 8) * scale;
  return out;
}

const cases = {};
function input(shape, salt, scale) {
  const n = shape.reduce((a, b) => a * b, 1);
  return { shape, values: Array.from(pattern(n, salt, scale)) };
}
function record(name, inputs, params, compute) {
  const tensors = {};
  for (const [key, value] of Object.entries(inputs)) tensors[key] = tf.tensor(value.values, value.shape, 'float32');
  const result = compute(tensors);
  cases[name] = { inputs, params, expected: { shape: result.shape, values: Array.from(result.dataSync()) } };
  tf.dispose([result, ...Object.values(tensors)]);
}

/**
 * Like record, for inputs of any dtype (an input's `dtype` defaults to float32) and ops with several outputs: the
 * case's `expected` is the (first) output with its dtype, `outputs` lists every output when there are several.
 */
function recordTyped(name, inputs, params, compute) {
  const tensors = {};
  for (const [key, value] of Object.entries(inputs)) tensors[key] = tf.tensor(value.values, value.shape, value.dtype ?? 'float32');
  const result = compute(tensors);
  const list = Array.isArray(result) ? result : [result];
  const plain = (t) => ({ shape: t.shape, dtype: t.dtype, values: Array.from(t.dataSync()) });
  cases[name] = { inputs, params, expected: plain(list[0]), ...(list.length > 1 ? { outputs: list.map(plain) } : {}) };
  tf.dispose([...list, ...Object.values(tensors)]);
}
const ints = (shape, values) => ({ shape, dtype: 'int32', values });

function conv(name, xShape, fShape, strides, pad, fused = {}) {
  const inputs = { x: input(xShape, 1, fused.scale ?? 1), filter: input(fShape, 2) };
  const channels = fShape[3];
  if (fused.bias) inputs.bias = input([channels], 3);
  if (fused.activation === 'prelu') inputs.alpha = input([channels], 4, 0.25);
  record(name, inputs, { strides, padding: pad.toUpperCase(), activation: (fused.activation ?? 'none').toUpperCase() },
    (t) => tf.fused.conv2d({ x: t.x, filter: t.filter, strides, pad, bias: t.bias,
      activation: fused.activation ?? 'linear', preluActivationWeights: t.alpha }));
}

function depthwise(name, xShape, fShape, strides, pad, fused = {}) {
  const inputs = { x: input(xShape, 5, fused.scale ?? 1), filter: input(fShape, 6) };
  const channels = fShape[2] * fShape[3];
  if (fused.bias) inputs.bias = input([channels], 7);
  record(name, inputs, { strides, padding: pad.toUpperCase(), activation: (fused.activation ?? 'none').toUpperCase() },
    (t) => tf.fused.depthwiseConv2d({ x: t.x, filter: t.filter, strides, pad, bias: t.bias,
      activation: fused.activation ?? 'linear' }));
}

async function main() {
  await tf.setBackend('cpu');

  conv('conv2d.same.stride2.even', [1, 6, 6, 2], [3, 3, 2, 3], [2, 2], 'same');
  conv('conv2d.same.stride2.odd', [1, 7, 5, 2], [3, 3, 2, 3], [2, 2], 'same');
  conv('conv2d.same.stride1.evenKernel', [1, 5, 5, 1], [2, 2, 1, 2], [1, 1], 'same');
  conv('conv2d.same.stride2x1', [1, 6, 5, 1], [3, 3, 1, 2], [2, 1], 'same');
  conv('conv2d.valid.stride2', [2, 7, 7, 2], [3, 3, 2, 2], [2, 2], 'valid');
  conv('conv2d.fused.biasRelu', [1, 5, 5, 2], [3, 3, 2, 4], [1, 1], 'same', { bias: true, activation: 'relu' });
  conv('conv2d.fused.biasRelu6', [1, 5, 5, 2], [3, 3, 2, 4], [1, 1], 'same', { bias: true, activation: 'relu6', scale: 4 });
  conv('conv2d.fused.biasPrelu', [1, 5, 5, 2], [3, 3, 2, 4], [2, 2], 'same', { bias: true, activation: 'prelu' });

  depthwise('depthwise.same.stride2.multiplier2', [1, 6, 6, 2], [3, 3, 2, 2], [2, 2], 'same');
  depthwise('depthwise.same.stride2.odd.biasRelu6', [1, 5, 5, 3], [3, 3, 3, 1], [2, 2], 'same',
    { bias: true, activation: 'relu6', scale: 4 });
  depthwise('depthwise.valid.stride1', [1, 5, 4, 2], [2, 2, 2, 1], [1, 1], 'valid');

  for (const [name, shape, size, stride, pad] of [
    ['maxPool.same.stride2.odd', [1, 5, 5, 2], 3, 2, 'same'],
    ['maxPool.same.stride2.even', [1, 6, 6, 1], 3, 2, 'same'],
    ['maxPool.valid.stride2', [1, 6, 7, 2], 2, 2, 'valid'],
  ]) {
    // all inputs negative: a backend that pads with zeros instead of ignoring the padding returns 0 at the edges
    const x = input(shape, 8);
    x.values = x.values.map((v) => -Math.abs(v) - 0.125);
    record(name, { x }, { window: [size, size], strides: [stride, stride], padding: pad.toUpperCase() },
      (t) => tf.maxPool(t.x, size, stride, pad));
  }

  for (const [ta, tb] of [[false, false], [true, false], [false, true], [true, true]]) {
    const a = input(ta ? [4, 3] : [3, 4], 9);
    const b = input(tb ? [2, 4] : [4, 2], 10);
    record(`matMul.transposeA=${ta}.transposeB=${tb}`, { a, b }, { transposeA: ta, transposeB: tb, activation: 'NONE' },
      (t) => tf.matMul(t.a, t.b, ta, tb));
  }
  record('matMul.fused.biasRelu', { a: input([3, 4], 11), b: input([4, 5], 12), bias: input([5], 13) },
    { transposeA: false, transposeB: false, activation: 'RELU' },
    (t) => tf.fused.matMul({ a: t.a, b: t.b, bias: t.bias, activation: 'relu' }));

  const resizes = [
    ['up', [1, 3, 4, 2], [5, 7]],
    ['down', [1, 7, 6, 1], [3, 4]],
    ['mixed', [2, 4, 9, 1], [6, 4]],
    ['toOne', [1, 4, 5, 1], [1, 1]],
  ];
  for (const [label, shape, size] of resizes) {
    for (const [mode, alignCorners, halfPixelCenters] of [
      ['legacy', false, false], ['halfPixel', false, true], ['alignCorners', true, false],
    ]) {
      record(`resizeBilinear.${mode}.${label}`, { x: input(shape, 14) },
        { size, alignCorners, halfPixelCenters },
        (t) => tf.image.resizeBilinear(t.x, size, alignCorners, halfPixelCenters));
    }
  }

  const boxes = [
    [0.1, 0.2, 0.7, 0.9], // inside
    [-0.3, -0.2, 0.6, 0.5], // top-left part outside: those samples give 0
    [0.5, 0.4, 1.4, 1.25], // bottom-right part outside
    [0.8, 0.9, 0.2, 0.1], // flipped: y1 > y2, x1 > x2 samples in reverse order
    [1.2, 1.1, 1.6, 1.5], // entirely outside
  ];
  record('cropAndResize.boxes', { image: input([2, 6, 5, 2], 15) },
    { boxes, boxIndices: [0, 1, 0, 1, 0], cropSize: [3, 4] },
    (t) => tf.image.cropAndResize(t.image, tf.tensor2d(boxes), tf.tensor1d([0, 1, 0, 1, 0], 'int32'), [3, 4]));
  record('cropAndResize.single', { image: input([1, 5, 6, 1], 16) },
    { boxes: [[0.25, 0.1, 0.75, 0.8]], boxIndices: [0], cropSize: [1, 1] },
    (t) => tf.image.cropAndResize(t.image, tf.tensor2d([[0.25, 0.1, 0.75, 0.8]]), tf.tensor1d([0], 'int32'), [1, 1]));

  // angles and centres exact in float32, so Java's float parameters mean the same numbers as these doubles
  for (const [name, radians, fill, center] of [
    ['rotateWithOffset.positive', 0.375, -1, [0.375, 0.625]],
    ['rotateWithOffset.negative', -1.25, 0.5, [0.5, 0.5]],
  ]) {
    record(name, { image: input([1, 5, 6, 2], 18) }, { radians, fill, center },
      (t) => tf.image.rotateWithOffset(t.image, radians, fill, center));
  }

  record('softmax.rows', { x: input([3, 5], 17, 4) }, {}, (t) => tf.softmax(t.x));

  // ---- ops of the human-models-extra graphs (golden/models-extra/new-ops.json lists which model uses which) ----
  // element-wise
  for (const [op, fn, scale] of [['abs', tf.abs, 1], ['neg', tf.neg, 1], ['floor', tf.floor, 1], ['square', tf.square, 1],
    ['tanh', tf.tanh, 3], ['sin', tf.sin, 4], ['cos', tf.cos, 4]]) {
    record(op, { x: input([2, 3, 4], 19, scale) }, {}, (t) => fn(t.x));
  }
  {
    const x = input([2, 3, 4], 19);
    x.values = x.values.map((v) => Math.abs(v) + 0.125); // positive
    record('rsqrt', { x }, {}, (t) => tf.rsqrt(t.x));
  }
  record('leakyRelu.alpha0.1', { x: input([2, 3, 4], 19) }, { alpha: 0.1 }, (t) => tf.leakyRelu(t.x, 0.1));
  record('atan2', { a: input([3, 5], 20), b: input([3, 5], 21) }, {}, (t) => tf.atan2(t.a, t.b)); // zeros in both
  record('atan2.broadcast', { a: input([3, 5], 22), b: input([5], 23) }, {}, (t) => tf.atan2(t.a, t.b));
  recordTyped('lessEqual.broadcast', { a: input([3, 5], 24), b: input([5], 24) }, {}, (t) => tf.lessEqual(t.a, t.b)); // b equals a's first row: ties
  recordTyped('zerosLike', { x: input([2, 3], 25) }, {}, (t) => tf.zerosLike(t.x));
  recordTyped('zerosLike.int32', { x: ints([2, 2], [3, -1, 0, 7]) }, {}, (t) => tf.zerosLike(t.x));
  record('biasAdd.lastAxis', { x: input([2, 3, 4], 26), bias: input([4], 27) }, { dataFormat: 'NHWC' }, (t) => tf.add(t.x, t.bias));

  // reductions and shape ops
  record('min.axis1', { x: input([2, 3, 4], 28) }, { axis: [1], keepDims: false }, (t) => tf.min(t.x, 1, false));
  record('min.axis1.keepDims', { x: input([2, 3, 4], 28) }, { axis: [1], keepDims: true }, (t) => tf.min(t.x, 1, true));
  record('prod.axis3.keepDims', { x: input([2, 2, 3, 2], 29) }, { axis: [3], keepDims: true }, (t) => tf.prod(t.x, 3, true));
  record('prod.axis1', { x: input([2, 3, 4], 29) }, { axis: [1], keepDims: false }, (t) => tf.prod(t.x, 1, false));
  recordTyped('size', { x: input([2, 3, 4], 30) }, {}, (t) => tf.scalar(t.x.size, 'int32')); // Size: an int32 scalar
  record('tile', { x: input([2, 1, 3], 31) }, { multiples: [1, 3, 2] }, (t) => tf.tile(t.x, [1, 3, 2]));
  recordTyped('tile.int32', { x: ints([1, 1, 2], [4, -3]) }, { multiples: [2, 1, 3] }, (t) => tf.tile(t.x, [2, 1, 3]));
  record('broadcastTo.scalar', { x: input([], 32) }, { shape: [2, 3, 4] }, (t) => tf.broadcastTo(t.x, [2, 3, 4]));
  record('broadcastTo.rank3', { x: input([1, 3, 1], 32) }, { shape: [2, 3, 4] }, (t) => tf.broadcastTo(t.x, [2, 3, 4]));
  record('broadcastTo.lowerRank', { x: input([3, 1], 33) }, { shape: [2, 3, 4] }, (t) => tf.broadcastTo(t.x, [2, 3, 4]));
  recordTyped('splitV.lastAxis', { x: input([2, 3, 5], 34) }, { sizeSplits: [2, 3], axis: -1 }, (t) => tf.split(t.x, [2, 3], -1));
  recordTyped('splitV.inferred', { x: input([2, 4, 3], 35) }, { sizeSplits: [1, -1], axis: 1 }, (t) => tf.split(t.x, [1, -1], 1));
  record('padV2.constant', { x: input([1, 2, 3, 2], 36) }, { paddings: [[0, 0], [1, 1], [2, 0], [0, 1]], constantValue: -1.5 },
    (t) => tf.pad(t.x, [[0, 0], [1, 1], [2, 0], [0, 1]], -1.5));
  record('depthToSpace.block2', { x: input([1, 2, 3, 8], 37) }, { blockSize: 2, dataFormat: 'NHWC' }, (t) => tf.depthToSpace(t.x, 2, 'NHWC'));
  record('spaceToBatchND.block2', { x: input([1, 4, 6, 2], 38) }, { blockShape: [2, 2], paddings: [[0, 0], [0, 0]] },
    (t) => tf.spaceToBatchND(t.x, [2, 2], [[0, 0], [0, 0]]));
  record('spaceToBatchND.block2.padded', { x: input([2, 3, 5, 1], 39) }, { blockShape: [2, 2], paddings: [[1, 0], [1, 2]] },
    (t) => tf.spaceToBatchND(t.x, [2, 2], [[1, 0], [1, 2]]));
  record('batchToSpaceND.block2', { x: input([4, 2, 3, 2], 40) }, { blockShape: [2, 2], crops: [[0, 0], [0, 0]] },
    (t) => tf.batchToSpaceND(t.x, [2, 2], [[0, 0], [0, 0]]));
  record('batchToSpaceND.block2.cropped', { x: input([8, 2, 4, 1], 41) }, { blockShape: [2, 2], crops: [[1, 0], [0, 2]] },
    (t) => tf.batchToSpaceND(t.x, [2, 2], [[1, 0], [0, 2]]));
  recordTyped('sparseToDense.empty', { indices: ints([0, 1], []), values: { shape: [0], values: [] }, defaultValue: { shape: [], values: [0] } },
    { outputShape: [3] }, (t) => tf.sparseToDense(t.indices, t.values, [3], t.defaultValue));
  recordTyped('sparseToDense.values', { indices: ints([2, 1], [1, 3]), values: { shape: [2], values: [2.5, -1] }, defaultValue: { shape: [], values: [0.25] } },
    { outputShape: [5] }, (t) => tf.sparseToDense(t.indices, t.values, [5], t.defaultValue));

  // matrix products beyond the 2-D float ones above (MatMul itself is the matMul.* cases)
  recordTyped('matMul.int32', { a: ints([2, 3], [1, -2, 3, 0, 4, -1]), b: ints([3, 2], [2, 1, 0, -3, 5, 1]) }, { transposeA: false, transposeB: false },
    (t) => tf.matMul(t.a, t.b));
  record('batchMatMul.rank3', { a: input([2, 3, 4], 42), b: input([2, 4, 5], 43) }, { adjX: false, adjY: false }, (t) => tf.matMul(t.a, t.b));
  record('batchMatMul.rank3.adjY', { a: input([2, 3, 4], 42), b: input([2, 5, 4], 43) }, { adjX: false, adjY: true }, (t) => tf.matMul(t.a, t.b, false, true));
  record('batchMatMul.broadcastBatch', { a: input([1, 3, 4], 44), b: input([2, 4, 2], 45) }, { adjX: false, adjY: false }, (t) => tf.matMul(t.a, t.b));
  record('batchMatMul.rank4.times2d', { a: input([2, 2, 3, 4], 46), b: input([4, 2], 47) }, { adjX: false, adjY: false }, (t) => tf.matMul(t.a, t.b));

  // windows
  record('avgPool.valid.stride2', { x: input([1, 6, 7, 2], 48) }, { window: [2, 2], strides: [2, 2], padding: 'VALID' }, (t) => tf.avgPool(t.x, 2, 2, 'valid'));
  // SAME on an odd size: the edge windows average only the cells inside the image
  record('avgPool.same.stride2.odd', { x: input([1, 5, 5, 2], 49) }, { window: [2, 2], strides: [2, 2], padding: 'SAME' }, (t) => tf.avgPool(t.x, 2, 2, 'same'));
  record('avgPool.valid.wholeNonSquare', { x: input([1, 3, 4, 2], 50) }, { window: [3, 4], strides: [3, 4], padding: 'VALID' }, (t) => tf.avgPool(t.x, [3, 4], [3, 4], 'valid'));
  // Conv2DBackpropInput: filter [h, w, outChannels, inChannels], the output size given (inputSizes)
  for (const [name, xShape, fShape, outShape] of [
    ['conv2dTranspose.same.stride2.k2', [1, 3, 3, 4], [2, 2, 2, 4], [1, 6, 6, 2]],
    ['conv2dTranspose.same.stride2.k4', [1, 3, 3, 2], [4, 4, 3, 2], [1, 6, 6, 3]],
    ['conv2dTranspose.same.stride2.oddOutput', [1, 3, 3, 2], [3, 3, 2, 2], [1, 5, 5, 2]],
  ]) {
    record(name, { x: input(xShape, 51), filter: input(fShape, 52) }, { inputSizes: outShape, strides: [2, 2], padding: 'SAME' },
      (t) => tf.conv2dTranspose(t.x, t.filter, outShape, [2, 2], 'same'));
  }

  // one case per line, so a regenerated file diffs readably
  const header = { source: 'human-tck/src/test/tfjs/golden-ops.cjs', tfjs: tf.version_core, backend: tf.getBackend() };
  const lines = Object.entries(cases).map(([name, value]) => `  ${JSON.stringify(name)}: ${JSON.stringify(value)}`);
  process.stdout.write(`${JSON.stringify(header).slice(0, -1)},\n "cases": {\n${lines.join(',\n')}\n }\n}\n`);
}

main();
