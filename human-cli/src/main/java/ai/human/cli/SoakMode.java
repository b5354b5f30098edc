package ai.human.cli;

import ai.human.Human;
import ai.human.config.HumanConfig;
import ai.human.config.LeakDetection;
import ai.human.result.FaceResult;
import ai.human.result.Result;
import ai.human.tensor.Tensor;

/**
 * The three loops of {@code human soak}; each iteration decodes the image into a tensor, detects with face crops
 * returned, reads every face crop, and then releases (or not) as the mode says.
 */
enum SoakMode {
    /** Image and result closed with try-with-resources: the caller owns both and releases both. */
    PROPER("proper release: try-with-resources on the decoded image and on the result") {
        @Override
        int iterate(Human human, byte[] image) {
            try (Tensor input = human.decodeImage(image); Result result = human.detect(input)) {
                return useFaceTensors(result);
            }
        }
    },
    /** {@code deallocate: true}: detect takes the image and releases it; only the result is closed. */
    DEALLOCATE("deallocate: true, detect releases the decoded image; only the result is closed") {
        @Override
        HumanConfig configure(HumanConfig config) {
            return config.withOverride("deallocate", "true");
        }

        @Override
        int iterate(Human human, byte[] image) {
            Tensor input = human.decodeImage(image); // detect owns it from here on
            try (Result result = human.detect(input)) {
                return useFaceTensors(result);
            }
        }
    },
    /** Nothing closed, on purpose: leak detection at all-with-creation-site finds and frees what was dropped. */
    LEAK("deliberate leak: decoded image and result dropped unclosed; leak detection reports and frees them") {
        @Override
        HumanConfig configure(HumanConfig config) {
            return config.withLeakDetection(LeakDetection.ALL_WITH_CREATION_SITE);
        }

        @Override
        int iterate(Human human, byte[] image) {
            Tensor input = human.decodeImage(image);
            Result result = human.detect(input);
            return useFaceTensors(result); // neither input nor result is closed
        }
    };

    private final String description;

    SoakMode(String description) {
        this.description = description;
    }

    String description() {
        return description;
    }

    /** The mode's settings over {@code config} (the user's --config and --set come after). */
    HumanConfig configure(HumanConfig config) {
        return config;
    }

    /** One iteration; returns the number of faces found. */
    abstract int iterate(Human human, byte[] image);

    /** Reads every face crop the result carries, as a user would before releasing it. */
    static int useFaceTensors(Result result) {
        double sum = 0;
        for (FaceResult face : result.face()) {
            Tensor crop = face.tensor().peek().orElseThrow(() -> new IllegalStateException(
                    "a face carries no tensor; human soak needs face.detector.return=true"));
            for (float v : crop.toFloats()) {
                sum += v;
            }
        }
        if (Double.isNaN(sum)) {
            throw new IllegalStateException("a face crop holds NaN values");
        }
        return result.face().size();
    }
}
