package ai.human.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Finds a {@link JsonNamed} enum constant by its JSON spelling, forgiving case and {@code _}/{@code -}. */
final class EnumLookup {
    private EnumLookup() {
    }

    /** The matching constant, or null. */
    public static Object find(Class<?> enumType, String text) {
        for (Object constant : enumType.getEnumConstants()) {
            if (((JsonNamed) constant).jsonValue().equals(text)) {
                return constant;
            }
        }
        String wanted = normalise(text);
        for (Object constant : enumType.getEnumConstants()) {
            if (normalise(((JsonNamed) constant).jsonValue()).equals(wanted) || normalise(((Enum<?>) constant).name()).equals(wanted)) {
                return constant;
            }
        }
        return null;
    }

    /** The allowed spellings, quoted, for messages: {@code "", "none", "face"}. */
    public static String allowed(Class<?> enumType) {
        List<String> values = new ArrayList<>();
        for (Object constant : enumType.getEnumConstants()) {
            values.add('"' + ((JsonNamed) constant).jsonValue() + '"');
        }
        return String.join(", ", values);
    }

    private static String normalise(String text) {
        return text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
