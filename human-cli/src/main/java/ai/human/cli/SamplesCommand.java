package ai.human.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code human samples}: the built-in photos, and {@code --extract DIR} to get them as files. */
@Command(name = "samples",
        header = "List the built-in sample photos, or extract them into a folder.",
        description = {"List the six built-in photos (face-api 1.7.15's demo images, MIT License; group photos with 3 to"
                + " 5 faces) that 'detect --sample N' uses, or write them into a folder with --extract."},
        footer = {"", "Examples:", "  human samples", "  human samples --extract photos/ && human detect photos/"})
final class SamplesCommand implements Callable<Integer> {

    @Option(names = "--extract", paramLabel = "DIR", description = "Write sample1.jpg … sample6.jpg into DIR (created if"
            + " needed; existing files are replaced).")
    Path extract;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws IOException {
        PrintStream out = common.out();
        if (extract != null) {
            try {
                Files.createDirectories(extract);
            } catch (IOException e) {
                throw CliException.usage("--extract " + extract + ": cannot create the folder (" + e.getMessage() + ")");
            }
        }
        for (int n = 1; n <= Samples.COUNT; n++) {
            byte[] bytes = Samples.read(n);
            if (extract != null) {
                Path file = extract.resolve(Samples.name(n));
                Files.write(file, bytes);
                out.println(file);
            } else {
                out.printf(Locale.ROOT, "%d  %-12s %,9d bytes  (--sample %d)%n", n, Samples.name(n), bytes.length, n);
            }
        }
        out.flush();
        return ExitCode.OK;
    }
}
