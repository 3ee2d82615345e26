package org.chatconsult.standalone;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Reads typed settings from the standalone service's properties, each checked where it is read: a bad one is a
 * {@link BadSetting} naming the file, the key, the value and what is allowed, never a stack trace.
 */
final class SettingsFile {
    private static final String DURATIONS = "use a positive duration such as 30s, 5m, 1h, 7d, 500ms or PT30S";

    private final Properties properties;
    private final String source;

    SettingsFile(Properties properties, String source) {
        this.properties = properties;
        this.source = source;
    }

    Properties properties() {
        return properties;
    }

    /** The trimmed value, or {@code fallback} when the key is absent or blank. */
    String text(String key, String fallback) {
        String value = properties.getProperty(key);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    String required(String key, String allowed) {
        String value = text(key, null);
        if (value == null) {
            throw new BadSetting(source, key, null, allowed);
        }
        return value;
    }

    List<String> list(String key) {
        return Arrays.stream(text(key, "").split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    int integer(String key, int fallback, int min, int max) {
        String value = text(key, null);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException ignored) {
            // refused below
        }
        throw new BadSetting(source, key, value, "use a whole number from " + min + " to " + max);
    }

    boolean bool(String key, boolean fallback) {
        String value = text(key, null);
        if (value == null) {
            return fallback;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new BadSetting(source, key, value, "use true or false");
    }

    /** Durations as {@code 30s}, {@code 5m}, {@code 1h}, {@code 7d}, {@code 500ms}, or ISO-8601 ({@code PT30S}). */
    Duration duration(String key, Duration fallback) {
        String value = text(key, null);
        if (value == null) {
            return fallback;
        }
        Duration parsed = parse(value.toLowerCase(Locale.ROOT));
        if (parsed == null || parsed.isNegative() || parsed.isZero()) {
            throw new BadSetting(source, key, value, DURATIONS);
        }
        return parsed;
    }

    private static Duration parse(String v) {
        try {
            if (v.startsWith("pt")) {
                return Duration.parse(v.toUpperCase(Locale.ROOT));
            }
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            }
            long amount = Long.parseLong(v.substring(0, v.length() - 1));
            switch (v.charAt(v.length() - 1)) {
                case 's': return Duration.ofSeconds(amount);
                case 'm': return Duration.ofMinutes(amount);
                case 'h': return Duration.ofHours(amount);
                case 'd': return Duration.ofDays(amount);
                default: return null;
            }
        } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException | ArithmeticException e) {
            return null;
        }
    }
}
