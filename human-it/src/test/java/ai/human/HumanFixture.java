package ai.human;

import ai.human.config.HumanConfig;
import ai.human.internal.pipeline.Clock;
import ai.human.testing.FacePreset;
import ai.human.backend.reference.ReferenceBackend;
import java.awt.image.BufferedImage;
import java.util.List;

/** A reference backend with fake face models, and small synthetic images, for the facade tests. */
final class HumanFixture implements AutoCloseable {
    final ReferenceBackend backend = new ReferenceBackend();
    final FakeFaceModels models = new FakeFaceModels(backend);

    /** Face preset with both fake faces found (maxDetected 20), plus {@code overrides}. */
    static HumanConfig config(String... overrides) {
        return FacePreset.config(20).withOverrides(List.of(overrides));
    }

    Human human(HumanConfig config) {
        return Human.create(config, backend, models, Clock.SYSTEM);
    }

    Human human(HumanConfig config, Clock clock) {
        return Human.create(config, backend, models, clock);
    }

    long liveTensors() {
        return backend.memory().tensors();
    }

    /** A smooth colourful image, different for each {@code seed}. */
    static BufferedImage image(int width, int height, int seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = (x * 255 / width + seed * 31) & 0xff;
                int g = (y * 255 / height + seed * 17) & 0xff;
                int b = ((x + y) * 7 + seed * 5) & 0xff;
                image.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        return image;
    }

    @Override
    public void close() {
        backend.close();
    }
}
