package ai.human.image;

import java.nio.charset.StandardCharsets;

/**
 * Recognises, from its first bytes, a common image format that the JDK's ImageIO cannot read, so that the error can
 * name it instead of listing bytes.
 */
final class UnreadableFormats {

    private UnreadableFormats() {
    }

    /** The format's name (e.g. "WebP"), or null when {@code head} (the first 16 bytes or fewer) is not one of them. */
    static String name(byte[] head) {
        if (ascii(head, 0, "RIFF") && ascii(head, 8, "WEBP")) {
            return "WebP";
        }
        if (ascii(head, 4, "ftyp") && head.length >= 12) {
            String brand = new String(head, 8, 4, StandardCharsets.ISO_8859_1);
            if (brand.startsWith("avi")) {
                return "AVIF";
            }
            if (brand.startsWith("hei") || brand.startsWith("hev") || brand.equals("mif1") || brand.equals("msf1")) {
                return "HEIF (HEIC)";
            }
        }
        if (ascii(head, 4, "JXL ") || (head.length >= 2 && (head[0] & 0xff) == 0xFF && head[1] == 0x0A)) {
            return "JPEG XL";
        }
        if (ascii(head, 0, "8BPS")) {
            return "Photoshop (PSD)";
        }
        return null;
    }

    private static boolean ascii(byte[] head, int offset, String text) {
        if (head.length < offset + text.length()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (head[offset + i] != (byte) text.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
