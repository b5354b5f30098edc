package ai.human.result;

/**
 * One detected object (CenterNet, COCO classes).
 *
 * @param id      index in the result
 * @param score   confidence
 * @param classId COCO class index (Human's {@code class})
 * @param label   COCO label such as {@code person}
 * @param box     pixels
 * @param boxRaw  fractions of the image size
 */
public record ObjectResult(int id, double score, int classId, String label, Box box, Box boxRaw) {
}
