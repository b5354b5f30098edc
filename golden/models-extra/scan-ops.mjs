#!/usr/bin/env node
// Which ops and op attributes the models of human-models-extra use that the project's generic graph executor does not
// run yet: every node of every model.json (graph and function library), its op type against the executor's op table
// (ExecutorOps.java prints it), and the attribute values the executor rejects at load time today.
//
// usage: node golden/models-extra/scan-ops.mjs --models DIR --executor-ops FILE [--out new-ops.json] [model ...]
//   DIR: the extracted package's models folder; models: default every model in human-models-extra/checksums.sha256.
// make-op-scan.sh runs ExecutorOps.java and this script and writes golden/models-extra/new-ops.json.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const argv = process.argv.slice(2);
const opt = (name) => { const i = argv.indexOf(name); if (i < 0) return null; const v = argv[i + 1]; argv.splice(i, 2); return v; };
const modelsDir = opt('--models');
const executorOpsFile = opt('--executor-ops');
const out = opt('--out');
if (!modelsDir || !executorOpsFile) { console.error('usage: scan-ops.mjs --models DIR --executor-ops FILE [--out FILE] [model ...]'); process.exit(2); }
const models = argv.length ? argv : fs.readFileSync(path.join(repo, 'human-models-extra', 'checksums.sha256'), 'utf8').split('\n')
  .map((l) => l.match(/ai\/human\/models\/(.+)\.json$/)?.[1]).filter(Boolean);
const executorOps = new Set(fs.readFileSync(executorOpsFile, 'utf8').split('\n').map((s) => s.trim()).filter(Boolean));
const always = new Set(['Const', 'Placeholder']);

// the executor's load-time checks today (human-api ai.human.internal.graph: NeuralKernels, ElementwiseKernels, ...)
const CONV_FUSIONS = ['', 'BiasAdd', 'BiasAdd,Relu', 'BiasAdd,Relu6', 'BiasAdd,Prelu'];
const BINARY = ['Add', 'AddV2', 'Sub', 'Mul', 'RealDiv', 'FloorDiv', 'FloorMod', 'Maximum', 'Minimum', 'SquaredDifference', 'Equal', 'Greater', 'GreaterEqual', 'Less', 'LogicalAnd', 'LessEqual', 'NotEqual', 'Atan2'];
const TYPES = new Set(['DT_FLOAT', 'DT_INT32', 'DT_INT64', 'DT_UINT8', 'DT_BOOL']);
const str = (a) => (a?.s !== undefined ? Buffer.from(a.s, 'base64').toString() : undefined);
const strs = (a) => (a?.list?.s ? a.list.s.map((s) => Buffer.from(s, 'base64').toString()) : []);
const ints = (a) => (a?.list?.i ? a.list.i.map(Number) : []);
const plain = (v) => {
  if (v.s !== undefined) return Buffer.from(v.s, 'base64').toString();
  if (v.list) return v.list.s ? v.list.s.map((s) => Buffer.from(s, 'base64').toString()) : (v.list.i ?? v.list.f ?? v.list.type ?? []).map((x) => (typeof x === 'string' && /^-?\d+$/.test(x) ? Number(x) : x));
  if (v.i !== undefined) return Number(v.i);
  if (v.f !== undefined) return v.f;
  if (v.b !== undefined) return v.b;
  if (v.type !== undefined) return v.type;
  if (v.shape) return 'shape';
  if (v.tensor) return 'tensor';
  return v;
};

const report = { executorOps: [...executorOps].sort(), models: {}, newOps: {} };
for (const model of models) {
  const json = JSON.parse(fs.readFileSync(path.join(modelsDir, `${model}.json`), 'utf8'));
  const nodes = [...(json.modelTopology.node || [])];
  for (const fn of (json.modelTopology.library?.function || [])) nodes.push(...(fn.nodeDef || []));
  const byName = Object.fromEntries(nodes.map((n) => [n.name, n]));
  const weights = Object.fromEntries(json.weightsManifest.flatMap((g) => g.weights).map((w) => [w.name, w]));
  const ops = {};
  const gaps = new Set();
  const usage = {};
  for (const n of nodes) {
    ops[n.op] = (ops[n.op] || 0) + 1;
    const a = n.attr || {};
    if (['_FusedConv2D', 'FusedDepthwiseConv2dNative', '_FusedMatMul'].includes(n.op) && !CONV_FUSIONS.includes(strs(a.fused_ops).join(','))) gaps.add(`${n.op} with fused_ops [${strs(a.fused_ops)}]`);
    if (a.dilations && ints(a.dilations).some((d) => d !== 1)) gaps.add(`${n.op} with dilations [${ints(a.dilations)}]`);
    if (ints(a.explicit_paddings).length) gaps.add(`${n.op} with explicit_paddings`);
    if (str(a.padding) && !['SAME', 'VALID'].includes(str(a.padding))) gaps.add(`${n.op} with padding ${str(a.padding)}`);
    if (str(a.data_format) && !str(a.data_format).startsWith('NHWC') && str(a.data_format) !== 'NDHWC') gaps.add(`${n.op} with data_format ${str(a.data_format)}`);
    if (BINARY.includes(n.op) && a.incompatible_shape_error?.b === false) gaps.add(`${n.op} with incompatible_shape_error=false`);
    if (n.op === 'GatherV2' && a.batch_dims && Number(a.batch_dims.i) !== 0) gaps.add(`GatherV2 with batch_dims ${a.batch_dims.i}`);
    if (n.op === 'StridedSlice' && a.ellipsis_mask && (Number(a.ellipsis_mask.i) & (Number(a.ellipsis_mask.i) - 1)) !== 0) gaps.add('StridedSlice with more than one ellipsis bit');
    if (n.op.startsWith('NonMaxSuppression') && a.pad_to_max_output_size?.b) gaps.add(`${n.op} with pad_to_max_output_size=true`);
    if (n.op === 'Const' && a.dtype?.type === 'DT_INT64' && weights[n.name]?.dtype === 'int32') gaps.add('Const of DT_INT64 whose weight the manifest stores as int32 (the model loader rejects the dtype mismatch)');
    for (const [k, v] of Object.entries(a)) if (v.type && !TYPES.has(v.type) && !(k === 'dtype' && n.op === 'Const')) gaps.add(`${n.op} attribute ${k} = ${v.type}`);
    if (!executorOps.has(n.op) && !always.has(n.op)) {
      const attrs = Object.fromEntries(Object.entries(a).filter(([k]) => !['_output_shapes', 'use_cudnn_on_gpu', 'explicit_paddings', 'leakyrelu_alpha'].includes(k)).map(([k, v]) => [k, plain(v)]));
      const inputs = (n.input || []).filter((i) => !i.startsWith('^')).map((i) => {
        const src = byName[i.split(':')[0]];
        if (!src) return '?';
        if (src.op !== 'Const') return src.op;
        const w = weights[src.name];
        return w ? `const ${w.dtype}[${w.shape}]` : 'const';
      });
      const key = JSON.stringify({ attrs, inputs });
      usage[n.op] = usage[n.op] || {};
      usage[n.op][key] = (usage[n.op][key] || 0) + 1;
    }
  }
  const placeholders = nodes.filter((n) => n.op === 'Placeholder').map((n) => n.name);
  const newOps = Object.keys(ops).filter((op) => !executorOps.has(op) && !always.has(op)).sort();
  report.models[model] = {
    nodes: nodes.length,
    inputs: placeholders,
    newOps,
    attributeGaps: [...gaps].sort(),
    newOpUsage: Object.fromEntries(Object.entries(usage).sort().map(([op, variants]) => [op, Object.entries(variants).map(([k, count]) => ({ count, ...JSON.parse(k) }))])),
    ops: Object.fromEntries(Object.entries(ops).sort()),
  };
  for (const op of newOps) (report.newOps[op] = report.newOps[op] || []).push(model);
}
report.newOps = Object.fromEntries(Object.entries(report.newOps).sort());
const text = JSON.stringify(report, null, 1) + '\n';
if (out) fs.writeFileSync(out, text); else process.stdout.write(text);
for (const [model, r] of Object.entries(report.models)) {
  console.error(`${model.padEnd(26)} new ops: ${r.newOps.join(' ') || '-'}${r.attributeGaps.length ? ` | gaps: ${r.attributeGaps.join('; ')}` : ''}`);
}
