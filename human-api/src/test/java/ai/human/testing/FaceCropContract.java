package ai.human.testing;

import static org.assertj.core.api.Assertions.assertThat;

import ai.human.Human;
import ai.human.config.HumanConfig;
import ai.human.result.FaceResult;
import ai.human.result.Result;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The face crops a result carries with {@code face.detector.return: true} on one backend, against Human 3.3.6's own
 * crops of the same pixels ({@code golden/pipeline/face-crops.json}): same shape and dtype, channel means within
 * {@value #MEAN_TOLERANCE}, and min, max and every 97th value within {@value #VALUE_TOLERANCE}. Faces are paired by
 * their result boxes (IoU above 0.9); the crop itself is cut from the detector's box, so a crop from a shifted box
 * shows in the values, not in the pairing.
 *
 * <p>Why {@value #VALUE_TOLERANCE}: the crop is a bilinear crop-and-resize of the same integer pixels from the same
 * detector box, divided by 255, so apart from float rounding nothing should differ. The golden stores values rounded
 * to 1e-5 (error up to 5e-6); Human's own wasm and cpu backends differ by one rounding unit (1e-5); both our backends
 * measured 5e-6, i.e. bit-identical crops. A crop taken from a box shifted by half a pixel differs by 0.03 to 0.12 and
 * one normalised to 0..255 by about 200, while its channel means can stay within {@value #MEAN_TOLERANCE} after a
 * shift of several pixels: the values, not the means, pin the crop down. Both are also held to the ratchet of their
 * measured worst values ({@link FidelityRatchet}, fields {@code crop.values} and {@code crop.mean}, configuration
 * {@code crops/<case>}).
 *
 * <p>A backend module runs it by extending it:
 * <pre>{@code
 * class TfFaceCropTest extends FaceCropContract {
 *     protected String backendName() { return "tensorflow"; }
 * }
 * }</pre>
 */
public abstract class FaceCropContract {
    static final double MEAN_TOLERANCE = 2e-3;
    static final double VALUE_TOLERANCE = 1e-4;
    /** The golden's values are rounded to this. */
    static final double GOLDEN_ROUNDING = 1e-5;

    /** The backend to test, as {@code config.backend} names it. */
    protected abstract String backendName();

    static Stream<String> cases() {
        return FaceCropGoldens.load().cases().stream().map(FaceCropGoldens.Case::name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void returnedCropsMatchHuman336(String caseName) {
        FaceCropGoldens goldens = FaceCropGoldens.load();
        FaceCropGoldens.Case golden = goldens.cases().stream().filter(c -> c.name().equals(caseName)).findFirst()
                .orElseThrow();
        HumanConfig config = FacePreset.config(golden.maxDetected()).withOverride("backend", backendName())
                .withOverrides(List.of("cacheSensitivity=" + golden.cacheSensitivity(), "face.detector.return=true",
                        "face.detector.rotation=" + golden.rotation(), "face.mesh.enabled=" + golden.mesh()));
        byte[] jpeg = SampleImages.bytes(golden.image());
        assertThat(SampleImages.rgbSha256(jpeg))
                .as("%s decodes to other pixels than the golden was made from (JDK %s); it cannot be compared on this JDK",
                        golden.image(), System.getProperty("java.version"))
                .isEqualTo(golden.rgbSha256());
        List<String> failures = new ArrayList<>();
        FidelityRatchet.Worst worst = new FidelityRatchet.Worst();
        try (Human human = Human.create(config); Result result = human.detect(jpeg)) {
            assertThat(human.backend().name()).isEqualTo(backendName());
            List<FaceResult> faces = result.face();
            assertThat(faces).as("faces in %s", caseName).hasSameSizeAs(golden.faces());
            List<FaceResult> unmatched = new ArrayList<>(faces);
            for (int i = 0; i < golden.faces().size(); i++) {
                FaceCropGoldens.Face expected = golden.faces().get(i);
                FaceResult actual = unmatched.stream()
                        .max((a, b) -> Double.compare(a.box().iou(expected.box()), b.box().iou(expected.box())))
                        .orElseThrow();
                assertThat(actual.box().iou(expected.box())).as("%s face %d: box %s vs Human's %s", caseName, i,
                        actual.box(), expected.box()).isGreaterThan(0.9);
                unmatched.remove(actual);
                Tensor crop = actual.tensor().peek().orElseThrow();
                failures.addAll(compare(caseName + " face " + i, crop, expected.crop(), goldens.stride(), worst));
            }
        }
        assertThat(failures).as("beyond the spec").isEmpty();
        assertThat(FidelityRatchet.check(backendName(), "crops/" + caseName, worst))
                .as("beyond the fidelity ratchet (%s)", FidelityRatchet.FILE).isEmpty();
    }

    private List<String> compare(String where, Tensor crop, FaceCropGoldens.Crop expected, int stride,
                                 FidelityRatchet.Worst worst) {
        List<String> failures = new ArrayList<>();
        if (!crop.shape().equals(Shape.of(expected.shape()))) {
            failures.add(where + ": shape " + crop.shape() + ", Human's " + Shape.of(expected.shape()));
            return failures;
        }
        if (!crop.dtype().name().equalsIgnoreCase(expected.dtype())) {
            failures.add(where + ": dtype " + crop.dtype() + ", Human's " + expected.dtype());
        }
        CropSummary actual = CropSummary.of(crop.toFloats(), expected.meanPerChannel().length, stride);
        failures.addAll(compare(backendName() + " vs Human 3.3.6, " + where, actual, expected, worst));
        return failures;
    }

    /** The spec's failures of one crop's summary; its worst differences go into {@code worst}. */
    static List<String> compare(String where, CropSummary actual, FaceCropGoldens.Crop expected,
                                FidelityRatchet.Worst worst) {
        List<String> failures = new ArrayList<>();
        double meanDiff = maxAbsDiff(actual.meanPerChannel(), expected.meanPerChannel());
        double valueDiff = maxAbsDiff(actual.subsample(), expected.subsample());
        double minDiff = Math.abs(actual.min() - expected.min());
        double maxDiff = Math.abs(actual.max() - expected.max());
        worst.max("crop.mean", meanDiff);
        worst.max("crop.values", Math.max(valueDiff, Math.max(minDiff, maxDiff)));
        System.out.printf(Locale.ROOT, "%s: max |diff| channel means %.2e, %d subsampled values %.2e"
                        + " (%d above 1e-4), min %.2e, max %.2e%n", where, meanDiff,
                actual.subsample().length, valueDiff, countAbove(actual.subsample(), expected.subsample(), 1e-4),
                minDiff, maxDiff);
        if (actual.subsample().length != expected.subsample().length) {
            failures.add(where + ": " + actual.subsample().length + " subsampled values, Human's "
                    + expected.subsample().length);
        }
        if (meanDiff > MEAN_TOLERANCE) {
            failures.add(String.format(Locale.ROOT, "%s: channel means %s differ from Human's %s by %.2e > %.0e", where,
                    Arrays.toString(actual.meanPerChannel()),
                    Arrays.toString(expected.meanPerChannel()), meanDiff, MEAN_TOLERANCE));
        }
        if (valueDiff > VALUE_TOLERANCE || minDiff > VALUE_TOLERANCE || maxDiff > VALUE_TOLERANCE) {
            failures.add(String.format(Locale.ROOT, "%s: values differ from Human's by up to %.2e (min %.2e, max %.2e)"
                    + " > %.0e", where, valueDiff, minDiff, maxDiff, VALUE_TOLERANCE));
        }
        return failures;
    }

    private static double maxAbsDiff(double[] a, double[] b) {
        double max = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    private static int countAbove(double[] a, double[] b, double limit) {
        int count = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (Math.abs(a[i] - b[i]) > limit) {
                count++;
            }
        }
        return count;
    }

    /** The same summary the golden holds, of our crop's values (channel-last, row-major). */
    record CropSummary(double min, double max, double[] meanPerChannel, double[] subsample) {
        static CropSummary of(float[] values, int channels, int stride) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double[] sums = new double[channels];
            for (int i = 0; i < values.length; i++) {
                sums[i % channels] += values[i];
                min = Math.min(min, values[i]);
                max = Math.max(max, values[i]);
            }
            double[] means = new double[channels];
            for (int c = 0; c < channels; c++) {
                means[c] = sums[c] / (values.length / channels);
            }
            double[] subsample = new double[(values.length + stride - 1) / stride];
            for (int k = 0; k < subsample.length; k++) {
                subsample[k] = values[k * stride];
            }
            return new CropSummary(min, max, means, subsample);
        }
    }
}
