package ai.human.result;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One detected face, with Human 3.3.6's fields and meanings. Optional parts are empty when their model is
 * disabled or gave nothing.
 *
 * @param id          index of the face in the result
 * @param score       overall confidence (the mesh score when the mesh ran, else the detector's)
 * @param boxScore    detector confidence, rounded to 2 decimals
 * @param faceScore   mesh confidence, rounded to 2 decimals (0 without mesh)
 * @param box         pixels, clamped to the image, truncated to integers
 * @param boxRaw      fractions of the image size
 * @param size        width and height of the detector box in pixels
 * @param mesh        468 points (478 with iris) in pixels, or the detector's 6 keypoints without mesh
 * @param meshRaw     {@code mesh} as fractions of the image width/height (z divided by the mesh input size)
 * @param annotations named groups of mesh points ({@code leftEyeIris}, {@code lipsUpperOuter}, ...)
 * @param age         estimated age in years
 * @param gender      {@code male} or {@code female}
 * @param genderScore confidence of {@code gender}
 * @param emotion     emotions above {@code face.emotion.minConfidence}, best first
 * @param embedding   1024-value face descriptor for matching; empty without the description model
 * @param distance    estimated camera distance (from the iris size), in metres
 * @param real        anti-spoofing score: 1 is a real face
 * @param live        liveness score: 1 is live
 * @param rotation    head angles, matrix and gaze (needs the mesh)
 * @param tensor      the face crop when {@code face.detector.return} is true, owned by the result
 */
public record FaceResult(
        int id,
        double score,
        double boxScore,
        double faceScore,
        Box box,
        Box boxRaw,
        int[] size,
        List<Point> mesh,
        List<Point> meshRaw,
        Map<String, List<Point>> annotations,
        OptionalDouble age,
        Optional<String> gender,
        OptionalDouble genderScore,
        List<EmotionScore> emotion,
        float[] embedding,
        OptionalDouble distance,
        OptionalDouble real,
        OptionalDouble live,
        Optional<FaceRotation> rotation,
        ResultTensor tensor) {

    /**
     * Makes immutable copies of the arrays, lists and maps.
     *
     * @param id index of the face in the result
     * @param score overall confidence (the mesh score when the mesh ran, else the detector's)
     * @param boxScore detector confidence, rounded to 2 decimals
     * @param faceScore mesh confidence, rounded to 2 decimals (0 without mesh)
     * @param box pixels, clamped to the image, truncated to integers
     * @param boxRaw fractions of the image size
     * @param size width and height of the detector box in pixels
     * @param mesh 468 points (478 with iris) in pixels, or the detector's 6 keypoints without mesh
     * @param meshRaw {@code mesh} as fractions of the image width/height (z divided by the mesh input size)
     * @param annotations named groups of mesh points ({@code leftEyeIris}, {@code lipsUpperOuter}, ...)
     * @param age estimated age in years
     * @param gender {@code male} or {@code female}
     * @param genderScore confidence of {@code gender}
     * @param emotion emotions above {@code face.emotion.minConfidence}, best first
     * @param embedding 1024-value face descriptor for matching; empty without the description model
     * @param distance estimated camera distance (from the iris size), in metres
     * @param real anti-spoofing score: 1 is a real face
     * @param live liveness score: 1 is live
     * @param rotation head angles, matrix and gaze (needs the mesh)
     * @param tensor the face crop when {@code face.detector.return} is true, owned by the result
     */
    public FaceResult {
        size = size.clone();
        mesh = List.copyOf(mesh);
        meshRaw = List.copyOf(meshRaw);
        annotations = Collections.unmodifiableMap(new LinkedHashMap<>(annotations));
        emotion = List.copyOf(emotion);
        embedding = embedding.clone();
    }

    /** {@return the width and height of the detector box in pixels (a copy)} */
    @Override
    public int[] size() {
        return size.clone();
    }

    /** {@return the 1024-value face descriptor for matching, empty without the description model (a copy)} */
    @Override
    public float[] embedding() {
        return embedding.clone();
    }
}
