package ai.human.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Turns image and folder arguments into the list of images to process. */
final class ImageInputs {

    private ImageInputs() {
    }

    /** Whether {@code file} has an extension the tool processes: jpg, jpeg or png (any case). */
    static boolean isImage(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jpg") || name.endsWith(".jpeg") || name.endsWith(".png");
    }

    /**
     * The images: each file as given, each folder's jpg/jpeg/png files (not its subfolders) sorted by name, then the
     * samples.
     *
     * @throws CliException (usage) when a path does not exist or nothing is left to process
     */
    static List<ImageSource> resolve(List<Path> paths, List<Integer> samples) {
        List<ImageSource> images = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                List<Path> files = folder(path);
                if (files.isEmpty()) {
                    throw CliException.usage(path + ": the folder has no .jpg, .jpeg or .png files; give a folder with"
                            + " images, or image files");
                }
                files.forEach(file -> images.add(ImageSource.ofFile(file)));
            } else if (Files.isRegularFile(path)) {
                images.add(ImageSource.ofFile(path));
            } else {
                throw CliException.usage(path + ": no such file or folder; check the path (or try --sample 1 for a"
                        + " built-in photo)");
            }
        }
        samples.forEach(n -> images.add(ImageSource.ofSample(n)));
        if (images.isEmpty()) {
            throw CliException.usage("no images given: name image files or folders, or use --sample 1 for a built-in"
                    + " photo");
        }
        return images;
    }

    /** The images directly in {@code folder}, sorted by file name. */
    static List<Path> folder(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).filter(ImageInputs::isImage)
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw CliException.usage(folder + ": the folder cannot be read (" + e.getMessage() + "); check permissions");
        }
    }
}
