package org.chatconsult.store;

/**
 * The widths of the store's bounded text columns (src/main/sql/chatconsult.sql), and how a value is made to fit
 * one: what is written must never be refused for its length, which would set a whole change aside.
 */
public final class Columns {
    /** Agents, owners, actors of events, senders of lines. */
    public static final int ADDRESS = 255;
    /** A contact's full address. */
    public static final int CONTACT = 1024;
    /** A contact's display name. */
    public static final int NAME = 255;
    /** An event's detail. */
    public static final int DETAIL = 1024;
    /** A line's stanza id. */
    public static final int STANZA_ID = 255;

    private Columns() {
    }

    /** {@code value} as it is when it fits, else cut to {@code width} with an ellipsis (never inside a surrogate pair). */
    public static String fit(String value, int width) {
        if (value == null || value.length() <= width) {
            return value;
        }
        int end = width - 1;
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end) + "\u2026";
    }
}
