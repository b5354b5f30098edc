package ai.human.internal.face;

import ai.human.config.FaceConfig;
import ai.human.config.HumanConfig;
import ai.human.internal.pipeline.ModelRegistry;
import ai.human.internal.pipeline.ModelRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * The face pipeline's models, each present when its config section is enabled. Sections are the registry keys.
 */
record FaceModels(BlazeFaceDetector detector, MeshModel mesh, IrisModel iris, EmotionModel emotion,
                  DescriptionModel description, ScoreModel antispoof, ScoreModel liveness) {

    static final String DETECTOR = "face.detector";
    static final String MESH = "face.mesh";
    static final String IRIS = "face.iris";
    static final String EMOTION = "face.emotion";
    static final String DESCRIPTION = "face.description";
    static final String ANTISPOOF = "face.antispoof";
    static final String LIVENESS = "face.liveness";

    /** The models Human 3.3.6 loads for {@code config} (none when face detection is off). */
    static List<ModelRequest> requests(HumanConfig config) {
        List<ModelRequest> out = new ArrayList<>();
        FaceConfig face = config.face();
        if (!face.enabled()) {
            return out;
        }
        out.add(new ModelRequest(DETECTOR, face.detector().modelPath()));
        if (face.mesh().enabled()) {
            out.add(new ModelRequest(MESH, face.mesh().modelPath()));
        }
        if (face.iris().enabled()) {
            out.add(new ModelRequest(IRIS, face.iris().modelPath()));
        }
        if (face.emotion().enabled()) {
            out.add(new ModelRequest(EMOTION, face.emotion().modelPath()));
        }
        if (face.description().enabled()) {
            out.add(new ModelRequest(DESCRIPTION, face.description().modelPath()));
        }
        if (face.antispoof().enabled()) {
            out.add(new ModelRequest(ANTISPOOF, face.antispoof().modelPath()));
        }
        if (face.liveness().enabled()) {
            out.add(new ModelRequest(LIVENESS, face.liveness().modelPath()));
        }
        return out;
    }

    static FaceModels from(ModelRegistry registry) {
        return new FaceModels(
                registry.find(DETECTOR).map(BlazeFaceDetector::new).orElse(null),
                registry.find(MESH).map(MeshModel::new).orElse(null),
                registry.find(IRIS).map(IrisModel::new).orElse(null),
                registry.find(EMOTION).map(EmotionModel::new).orElse(null),
                registry.find(DESCRIPTION).map(DescriptionModel::new).orElse(null),
                registry.find(ANTISPOOF).map(ScoreModel::new).orElse(null),
                registry.find(LIVENESS).map(ScoreModel::new).orElse(null));
    }
}
