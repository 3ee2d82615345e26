package org.chatconsult.web;

/** Escaping for the pages written here, so that a setting's value is always shown, never read as markup. */
public final class Html {
    private Html() {
    }

    /** Escapes text for an HTML element's content. */
    public static String text(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Escapes text for an attribute's value in double quotes. */
    public static String attribute(String value) {
        return text(value).replace("\"", "&quot;");
    }
}
