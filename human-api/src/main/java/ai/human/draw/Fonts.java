package ai.human.draw;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.font.FontRenderContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Whether Java2D can render text here: a headless machine without fonts cannot, and says so with an Error. */
final class Fonts {
    private static final Logger LOG = LoggerFactory.getLogger(Fonts.class);
    private static volatile Boolean available;

    private Fonts() {
    }

    static boolean available() {
        Boolean known = available;
        if (known == null) {
            known = check();
            available = known;
        }
        return known;
    }

    private static boolean check() {
        try {
            String[] families = GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames();
            new Font(Font.SANS_SERIF, Font.PLAIN, 12).getStringBounds("Human",
                    new FontRenderContext(null, true, true));
            if (families.length > 0) {
                return true;
            }
            LOG.warn("No fonts are installed, so annotated images have no labels; install a font package (e.g. fonts-dejavu)");
        } catch (RuntimeException | Error e) { // Java2D reports missing fonts with an Error; labels are optional
            LOG.warn("Java2D cannot render text here ({}), so annotated images have no labels; install a font package"
                    + " (e.g. fonts-dejavu)", e.toString());
        }
        return false;
    }
}
