package ai.human.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a model path points, and loading from the file system. */
class ModelLoaderTest {
    @TempDir
    Path dir;

    @Test
    void bareNamesResolveAgainstTheModelsJarAndGetJson() {
        assertThat(ModelLoader.resolve(null, "blazeface")).isEqualTo("classpath:/ai/human/models/blazeface.json");
        assertThat(ModelLoader.resolve("", "iris.json")).isEqualTo("classpath:/ai/human/models/iris.json");
    }

    @Test
    void baseAndFileAreJoinedWithOneSlash() {
        assertThat(ModelLoader.resolve("file:/opt/models", "iris.json")).isEqualTo("file:/opt/models/iris.json");
        assertThat(ModelLoader.resolve("file:/opt/models/", "iris.json")).isEqualTo("file:/opt/models/iris.json");
        assertThat(ModelLoader.resolve("https://host/m/", "sub/iris")).isEqualTo("https://host/m/sub/iris.json");
        assertThat(ModelLoader.resolve("classpath:", "x.json")).isEqualTo("classpath:x.json");
    }

    @Test
    void absoluteModelPathsIgnoreTheBase() {
        assertThat(ModelLoader.resolve("file:/opt/models/", "http://127.0.0.1:8080/m/iris.json"))
                .isEqualTo("http://127.0.0.1:8080/m/iris.json");
        assertThat(ModelLoader.resolve("file:/opt/models/", "/srv/iris.json")).isEqualTo("/srv/iris.json");
        assertThat(ModelLoader.resolve("file:/opt/models/", "./iris.json")).isEqualTo("./iris.json");
        assertThat(ModelLoader.resolve("file:/opt/models/", "classpath:/x/iris.json")).isEqualTo("classpath:/x/iris.json");
    }

    @Test
    void loadsFromFileUrlsAndPlainPaths() {
        Path json = Fixtures.tinyModel(dir);
        ModelLoader loader = new ModelLoader(dir.resolve("cache"));
        for (String location : new String[] {"file:" + json, "file://" + json, json.toString()}) {
            GraphModelDef tiny = loader.load(location);
            assertThat(tiny.name()).isEqualTo("tiny");
            assertThat(tiny.source()).isEqualTo(location);
            assertThat(tiny.weights().get("bias").floats()).containsExactly(0.5f, -1.5f);
        }
        assertThat(loader.load("file:" + dir, "tiny").weights()).containsOnlyKeys("bias");
    }

    @Test
    void tinyModelHasItsSignatureAndAnExecutionOrder() {
        GraphModelDef tiny = new ModelLoader(dir.resolve("cache")).load("file:" + Fixtures.tinyModel(dir));
        assertThat(tiny.inputs()).containsExactly(new TensorSpec("x", "x:0", "x", 0, ai.human.tensor.DType.FLOAT32,
                new int[] {-1, 2}));
        // "y" has no index in the signature: it means output 0
        assertThat(tiny.outputs()).extracting(TensorSpec::name).containsExactly("y:0");
        assertThat(tiny.nodes()).extracting(GraphNode::name).containsExactly("y", "sum", "bias", "init", "x");
        assertThat(tiny.executionOrder()).extracting(GraphNode::name).containsExactly("bias", "init", "x", "sum", "y");
        assertThat(tiny.storedWeightBytes()).isEqualTo(8);
        assertThat(tiny.weightBytes()).isEqualTo(8);
    }

    @Test
    void defaultCacheFolderFollowsTheSystemProperty() {
        String before = System.getProperty(ModelLoader.CACHE_PROPERTY);
        try {
            System.setProperty(ModelLoader.CACHE_PROPERTY, dir.toString());
            assertThat(new ModelLoader().cacheDir()).isEqualTo(dir);
            System.clearProperty(ModelLoader.CACHE_PROPERTY);
            assertThat(new ModelLoader().cacheDir())
                    .isEqualTo(Path.of(System.getProperty("user.home"), ".cache", "human-java", "models"));
        } finally {
            if (before != null) {
                System.setProperty(ModelLoader.CACHE_PROPERTY, before);
            }
        }
    }
}
