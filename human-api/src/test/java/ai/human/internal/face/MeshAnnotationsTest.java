package ai.human.internal.face;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MeshAnnotationsTest {
    private final MeshAnnotations annotations = MeshAnnotations.get();

    @Test
    void holdsHumansThirtySixNamedGroupsInOrder() {
        assertThat(annotations.groups()).hasSize(36);
        assertThat(annotations.groups().keySet()).startsWith("silhouette", "lipsUpperOuter").endsWith("rightCheek", "leftCheek");
        assertThat(annotations.group("silhouette")).hasSize(36).startsWith(10, 338);
        assertThat(annotations.group("leftEyeIris")).containsExactly(468, 469, 470, 471, 472);
        assertThat(annotations.group("rightEyeIris")).containsExactly(473, 474, 475, 476, 477);
        assertThat(annotations.group("noseTip")).containsExactly(1);
    }

    @Test
    void everyIrisMappingFitsTheGroupsItReplaces() {
        assertThat(annotations.irisMappings()).hasSize(9);
        for (MeshAnnotations.IrisMapping mapping : annotations.irisMappings()) {
            assertThat(annotations.group("left" + mapping.key())).hasSameSizeAs(mapping.indices());
            assertThat(annotations.group("right" + mapping.key())).hasSameSizeAs(mapping.indices());
            assertThat(java.util.Arrays.stream(mapping.indices()).boxed().toList()).allSatisfy(i -> assertThat(i).isBetween(0, 70));
        }
    }

    @Test
    void everyIndexIsAMeshPoint() {
        annotations.groups().values().forEach(g -> assertThat(java.util.Arrays.stream(g).boxed().toList())
                .allSatisfy(i -> assertThat(i).isBetween(0, 477)));
    }
}
