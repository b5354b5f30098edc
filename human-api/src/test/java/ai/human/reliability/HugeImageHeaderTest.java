package ai.human.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.human.config.HumanConfig;
import ai.human.image.ImageDecoder;
import ai.human.image.ImageException;
import ai.human.image.ImageTooLargeException;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Files whose header claims 50,000 x 50,000 pixels (2.5 billion, 7.5 GB of RGB) are refused from the header, before
 * any pixel buffer is allocated: measured with the thread's allocation counter, and shown in a child JVM whose whole
 * heap is 32 MB. A control run in the same tiny heap shows that the pixel limit is what protects it: a PNG header
 * claiming 8,000 x 8,000 pixels (192 MB) runs out of memory when the limit lets it through and is refused when the
 * limit is below its size.
 */
class HugeImageHeaderTest {
    /** Far above what reading a header costs (a few KB), far below one row of pixels times a thousand. */
    private static final long MAX_ALLOCATED_BYTES = 4L << 20;

    static List<ImageCase> hugeHeaders() {
        return ImageCases.hugeHeaders();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hugeHeaders")
    void hugeHeaderIsRefusedWithoutAllocatingPixels(ImageCase c) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        ImageDecoder.decode(ImageFixtures.encode(ImageFixtures.pattern(4, 4, 1), "png"), 100); // load ImageIO's classes
        long before = threads.getCurrentThreadAllocatedBytes();
        Throwable thrown = catchThrowable(() -> ImageDecoder.decode(c.bytes(), HumanConfig.DEFAULT_MAX_IMAGE_PIXELS));
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(thrown).isInstanceOf(ImageException.class);
        ImageFilesDecodeTest.assertRefused(thrown, (ImageCase.Refused) c.expected());
        assertThat(allocated).as("bytes allocated while refusing %s", c.name()).isLessThan(MAX_ALLOCATED_BYTES);
    }

    @Test
    void theLimitIsConfigurableAndNamedInTheError() {
        byte[] png = ImageFixtures.pngHeader(ImageCases.HUGE, ImageCases.HUGE);
        HumanConfig config = HumanConfig.defaults().withOverride("maxImagePixels", "1000000");
        Throwable thrown = catchThrowable(() -> ImageDecoder.decode(png, config.maxImagePixels()));
        assertThat(thrown).isInstanceOf(ImageTooLargeException.class)
                .hasMessageContaining("maxImagePixels = 1000000").hasMessageContaining("raise maxImagePixels");
        assertThat(((ImageTooLargeException) thrown).maxPixels()).isEqualTo(1_000_000);
    }

    @Test
    void inA32MegabyteHeapEveryHugeHeaderIsRefused() throws Exception {
        List<String> lines = runProbe(String.valueOf(HumanConfig.DEFAULT_MAX_IMAGE_PIXELS), "all");
        assertThat(lines).hasSize(ImageCases.hugeHeaders().size()).allSatisfy(line -> assertThat(line).contains("=refused"));
        assertThat(lines).filteredOn(line -> !line.startsWith("BMP")).allSatisfy(line ->
                assertThat(line).endsWith("ImageTooLargeException"));
    }

    @Test
    void inA32MegabyteHeapTheLimitIsWhatPreventsTheAllocation() throws Exception {
        assertThat(runProbe("1000000", "png8000")).containsExactly("png8000=refused ImageTooLargeException");
        assertThat(runProbe("100000000", "png8000"))
                .containsExactly("png8000=refused ImageException (out of memory: true)");
    }

    private static List<String> runProbe(String limit, String which) throws IOException, InterruptedException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx32m",
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), HugeHeaderProbe.class.getName(),
                limit, which);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("probe JVM finished").isTrue();
        assertThat(process.exitValue()).as("probe exit code; output:%n%s", output).isZero();
        return new ArrayList<>(output.lines().filter(line -> line.contains("=")).toList());
    }
}
