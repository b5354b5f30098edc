package ai.human.draw;

import ai.human.result.BodyKeypoint;
import ai.human.result.BodyResult;
import ai.human.result.Box;
import ai.human.result.FaceResult;
import ai.human.result.HandResult;
import ai.human.result.ObjectResult;
import ai.human.result.Point;
import ai.human.result.Result;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.imageio.ImageIO;

/**
 * Draws a {@link Result} onto a copy of an image with Java2D: face boxes, mesh points and a label with gender,
 * age and top emotion; body skeletons and keypoints; hand keypoints coloured per finger; object boxes with
 * their labels. Line widths and fonts follow the image size (times {@link DrawOptions#scale()}). On a machine
 * without fonts (a bare container) the labels are left out, with one warning in the log.
 *
 * <pre>{@code
 * BufferedImage photo = ImageIO.read(file.toFile());
 * try (Result result = human.detect(photo)) {
 *     BufferedImage annotated = Annotator.defaults().draw(photo, result);   // photo itself is not changed
 *     Annotator.writePng(annotated, Path.of("annotated.png"));
 * }
 * }</pre>
 * Stateless and thread-safe.
 */
public final class Annotator {
    private static final Annotator DEFAULTS = new Annotator(DrawOptions.defaults());

    private static final Color FACE = new Color(173, 216, 230);
    private static final Color MESH = new Color(173, 216, 230, 200);
    private static final Color IRIS = new Color(255, 200, 80);
    private static final Color BODY_LINE = new Color(120, 255, 160);
    private static final Color BODY_POINT = new Color(255, 120, 200);
    private static final Color OBJECT = new Color(255, 210, 90);
    private static final Color HAND_BOX = new Color(200, 160, 255);
    private static final Color LABEL_BACKGROUND = new Color(0, 0, 0, 160);
    private static final Map<String, Color> FINGERS = Map.of(
            "thumb", new Color(255, 90, 90),
            "index", new Color(255, 170, 60),
            "middle", new Color(250, 240, 80),
            "ring", new Color(110, 230, 110),
            "pinky", new Color(90, 170, 255),
            "palm", new Color(230, 230, 230),
            "base", new Color(230, 230, 230));
    private static final Color FINGER_OTHER = new Color(230, 230, 230);

    private final DrawOptions options;

    /**
     * An annotator drawing what {@code options} asks for.
     *
     * @param options what to draw
     */
    public Annotator(DrawOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** {@return an annotator drawing everything} */
    public static Annotator defaults() {
        return DEFAULTS;
    }

    /** {@return what this annotator draws} */
    public DrawOptions options() {
        return options;
    }

    /**
     * {@return a copy of {@code image} (same size, RGB) with {@code result} drawn on it; {@code image} is not changed}
     * Coordinates are the result's pixel coordinates, so {@code image} should be the image that was detected.
     *
     * @param image the image the result was detected in
     * @param result what was found
     */
    public BufferedImage draw(BufferedImage image, Result result) {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(result, "result");
        BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = copy.createGraphics();
        try {
            g.drawImage(image, 0, 0, null);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            Pen pen = Pen.forImage(image.getWidth(), image.getHeight(), options.scale());
            if (options.objects()) {
                result.object().forEach(object -> drawObject(g, pen, object));
            }
            if (options.bodies()) {
                result.body().forEach(body -> drawBody(g, pen, body));
            }
            if (options.hands()) {
                result.hand().forEach(hand -> drawHand(g, pen, hand));
            }
            result.face().forEach(face -> drawFace(g, pen, face));
        } finally {
            g.dispose();
        }
        return copy;
    }

    /**
     * Writes {@code image} as a PNG file, creating missing parent folders.
     *
     * @param image the image
     * @param file the PNG file to write
     * @throws UncheckedIOException when the file cannot be written
     */
    public static void writePng(BufferedImage image, Path file) {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(file, "file");
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (!ImageIO.write(image, "png", file.toFile())) {
                throw new IOException("no PNG writer in this JDK's ImageIO");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the PNG " + file.toAbsolutePath() + ": " + e.getMessage()
                    + "; check that the folder is writable", e);
        }
    }

    // ---- parts -----------------------------------------------------------------------------------------------------

    private void drawFace(Graphics2D g, Pen pen, FaceResult face) {
        if (options.faceMesh()) {
            List<Point> iris = new ArrayList<>();
            iris.addAll(face.annotations().getOrDefault("leftEyeIris", List.of()));
            iris.addAll(face.annotations().getOrDefault("rightEyeIris", List.of()));
            g.setColor(MESH);
            for (Point p : face.mesh()) {
                dot(g, p, pen.point * 0.6);
            }
            g.setColor(IRIS);
            for (Point p : iris) {
                dot(g, p, pen.point * 0.8);
            }
        }
        if (options.faceBoxes()) {
            g.setColor(FACE);
            g.setStroke(pen.stroke());
            g.draw(rectangle(face.box()));
        }
        if (options.faceLabels() && Fonts.available()) {
            label(g, pen, faceLabel(face), face.box(), FACE);
        }
    }

    /** {@code female 76% · age 23.5 · happy 60%} with the parts the result has; {@code face 89%} without any. */
    static String faceLabel(FaceResult face) {
        List<String> parts = new ArrayList<>();
        face.gender().ifPresent(gender -> parts.add(gender + (face.genderScore().isPresent()
                ? " " + percent(face.genderScore().getAsDouble()) : "")));
        face.age().ifPresent(age -> parts.add(String.format(Locale.ROOT, "age %.1f", age)));
        if (!face.emotion().isEmpty()) {
            parts.add(face.emotion().get(0).emotion() + " " + percent(face.emotion().get(0).score()));
        }
        if (parts.isEmpty()) {
            parts.add("face " + percent(face.score()));
        }
        return String.join(" · ", parts);
    }

    private static void drawBody(Graphics2D g, Pen pen, BodyResult body) {
        g.setColor(BODY_LINE);
        g.setStroke(pen.stroke());
        for (List<List<Point>> lines : body.annotations().values()) {
            for (List<Point> line : lines) {
                g.draw(polyline(line));
            }
        }
        g.setColor(BODY_POINT);
        for (BodyKeypoint keypoint : body.keypoints()) {
            dot(g, keypoint.position(), pen.point * 1.5);
        }
    }

    private static void drawHand(Graphics2D g, Pen pen, HandResult hand) {
        g.setColor(HAND_BOX);
        g.setStroke(pen.thinStroke());
        g.draw(rectangle(hand.box()));
        if (Fonts.available()) {
            label(g, pen, hand.label() + " " + percent(hand.score()), hand.box(), HAND_BOX);
        }
        g.setStroke(pen.stroke());
        for (Map.Entry<String, List<Point>> finger : hand.annotations().entrySet()) {
            Color colour = FINGERS.getOrDefault(finger.getKey(), FINGER_OTHER);
            g.setColor(colour);
            g.draw(polyline(finger.getValue()));
            for (Point p : finger.getValue()) {
                dot(g, p, pen.point * 1.2);
            }
        }
        if (hand.annotations().isEmpty()) {
            g.setColor(FINGER_OTHER);
            for (Point p : hand.keypoints()) {
                dot(g, p, pen.point * 1.2);
            }
        }
    }

    private static void drawObject(Graphics2D g, Pen pen, ObjectResult object) {
        g.setColor(OBJECT);
        g.setStroke(pen.thinStroke());
        g.draw(rectangle(object.box()));
        if (Fonts.available()) {
            label(g, pen, object.label() + " " + percent(object.score()), object.box(), OBJECT);
        }
    }

    // ---- drawing helpers -------------------------------------------------------------------------------------------

    /**
     * A text on a dark background just above {@code box} (inside it when there is no room above), moved left when it
     * would leave the image.
     */
    private static void label(Graphics2D g, Pen pen, String text, Box box, Color colour) {
        g.setFont(pen.font);
        FontMetrics metrics = g.getFontMetrics();
        int pad = Math.max(1, pen.font.getSize() / 5);
        int width = metrics.stringWidth(text) + 2 * pad;
        int height = metrics.getHeight() + pad;
        double x = Math.max(0, Math.min(box.x(), pen.imageWidth - width));
        double y = box.y() - height;
        if (y < 0) {
            y = box.y();
        }
        g.setColor(LABEL_BACKGROUND);
        g.fill(new Rectangle2D.Double(x, y, width, height));
        g.setColor(colour);
        g.drawString(text, (float) (x + pad), (float) (y + metrics.getAscent() + pad / 2.0));
    }

    private static void dot(Graphics2D g, Point p, double radius) {
        if (Double.isFinite(p.x()) && Double.isFinite(p.y())) {
            g.fill(new Ellipse2D.Double(p.x() - radius, p.y() - radius, 2 * radius, 2 * radius));
        }
    }

    private static Rectangle2D rectangle(Box box) {
        return new Rectangle2D.Double(box.x(), box.y(), box.width(), box.height());
    }

    private static Path2D polyline(List<Point> points) {
        Path2D path = new Path2D.Double();
        boolean first = true;
        for (Point p : points) {
            if (!Double.isFinite(p.x()) || !Double.isFinite(p.y())) {
                continue;
            }
            if (first) {
                path.moveTo(p.x(), p.y());
                first = false;
            } else {
                path.lineTo(p.x(), p.y());
            }
        }
        return path;
    }

    private static String percent(double fraction) {
        return Math.round(fraction * 100) + "%";
    }

    /** Line widths, point radius and font for one image. */
    private record Pen(float line, double point, Font font, int imageWidth) {
        static Pen forImage(int width, int height, double scale) {
            double unit = Math.max(1, Math.min(width, height) / 500.0) * scale;
            int fontSize = (int) Math.max(10, Math.round(12 * unit));
            return new Pen((float) (2 * unit), 1.5 * unit, new Font(Font.SANS_SERIF, Font.BOLD, fontSize), width);
        }

        BasicStroke stroke() {
            return new BasicStroke(line, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        }

        BasicStroke thinStroke() {
            return new BasicStroke(Math.max(1, line * 0.75f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        }
    }
}
