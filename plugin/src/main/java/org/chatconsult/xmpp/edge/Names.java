package org.chatconsult.xmpp.edge;

import java.util.regex.Pattern;

/** How an error text names a field the client sent: by its name when that is a plain short word, never by value. */
final class Names {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z][A-Za-z0-9_#:.-]{0,39}");

    private Names() {
    }

    static String attribute(String name) {
        return PLAIN.matcher(name).matches() ? "the attribute '" + name + "'" : "an attribute";
    }

    static String field(String name) {
        return PLAIN.matcher(name).matches() ? "'" + name + "'" : "a field";
    }
}
