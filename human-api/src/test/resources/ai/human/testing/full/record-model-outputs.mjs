// Human 3.3.6's model inputs (sums) and outputs for movenet, handtrack, handlandmark and centernet on the six
// face-api samples as ImageIO decodes them, written compactly for RecordedModelOutputsReplayTest.
// usage, from the repository root (java 17+, node 20, the oracle folder after its setup.sh):
//   java golden/tools/ImageIoPixels.java --png-dir /tmp/png --json /tmp/pixels.json <oracle>/images/face-api/sample{1,2,3,4,5,6}.jpg
//   node human-api/src/test/resources/ai/human/testing/full/record-model-outputs.mjs <oracle> /tmp/png /tmp/full-model-outputs.json
//   gzip -9 -c /tmp/full-model-outputs.json > human-api/src/test/resources/ai/human/testing/full/full-model-outputs.json.gz
// One Human instance (oracle preset full, wasm backend), images in name order, as golden/pipeline/full.json was made.
import fs from 'node:fs';
import path from 'node:path';

const [oracleDir, pngDir, outFile] = process.argv.slice(2);
const { createHuman, decodeImage, imageTensor, presets, tf } = await import(path.resolve(oracleDir, 'lib.mjs'));
const KEEP_ANCHOR_SCORE = 0.2; // handtrack anchors whose best class scores at most this can never be selected

const human = await createHuman('wasm', presets.full);
let calls = [];
for (const key of ['movenet', 'handtrack', 'handskeleton', 'centernet']) {
  const model = human.models.models[key];
  for (const fn of ['execute', 'executeAsync']) {
    const original = model[fn].bind(model);
    model[fn] = (input, outputs) => {
      const record = (res) => {
        const list = Array.isArray(res) ? res : [res];
        let sum = 0;
        for (const v of input.dataSync()) sum += v;
        calls.push({ model: key, inputShape: input.shape, inputSum: sum, outputs: list.map((t) => Array.from(t.dataSync())) });
        return res;
      };
      const res = original(input, outputs);
      return res instanceof Promise ? res.then(record) : record(res);
    };
  }
}
const images = [];
for (const file of fs.readdirSync(pngDir).filter((f) => f.endsWith('.png')).sort()) {
  const img = decodeImage(path.join(pngDir, file));
  const input = imageTensor(img);
  calls = [];
  await human.detect(input);
  tf.dispose(input);
  const entry = { image: file.replace('.png', '.jpg'), width: img.width, height: img.height, rgbSha256: img.sha256, handskeleton: [] };
  for (const c of calls) {
    if (c.model === 'movenet' || c.model === 'centernet') entry[c.model] = { inputShape: c.inputShape, inputSum: c.inputSum, output: c.outputs[0] };
    if (c.model === 'handskeleton') entry.handskeleton.push({ inputSum: c.inputSum, score: c.outputs[0], keypoints: c.outputs[1] });
    if (c.model === 'handtrack') {
      const [scores, boxes] = c.outputs; // Postprocessor/Slice [1, n, 7], Postprocessor/ExpandDims_1 [1, n, 1, 4]
      const anchors = boxes.length / 4;
      const kept = [];
      for (let a = 0; a < anchors; a++) {
        const s = scores.slice(a * 7, a * 7 + 7);
        if (Math.max(...s) > KEEP_ANCHOR_SCORE) kept.push({ anchor: a, scores: s, box: boxes.slice(a * 4, a * 4 + 4) });
      }
      entry.handtrack = { inputShape: c.inputShape, inputSum: c.inputSum, anchors, keptAboveScore: KEEP_ANCHOR_SCORE, kept };
    }
  }
  images.push(entry);
  console.log(entry.image, entry.handtrack.kept.length, 'anchors kept,', entry.handskeleton.length, 'hands');
}
fs.writeFileSync(outFile, JSON.stringify({
  about: 'Human 3.3.6 (wasm, oracle preset full) model inputs (sums) and outputs on the ImageIO pixels of sample1..6, in call order; handtrack keeps anchors scoring above keptAboveScore',
  human: human.version, images }));
