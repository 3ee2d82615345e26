package org.chatconsult.standalone;

/**
 * A setting of the standalone service's properties file that cannot be used: the message names the file, the
 * key, the value and what is allowed, in one line, for the operator who starts the service.
 */
public final class BadSetting extends IllegalArgumentException {
    public BadSetting(String source, String key, String value, String allowed) {
        super(source + ": " + key + (value == null ? " is missing" : "=" + shown(value) + " is not allowed") + "; "
                + allowed);
    }

    private static String shown(String value) {
        return value.length() > 80 ? value.substring(0, 77) + "..." : value;
    }
}
