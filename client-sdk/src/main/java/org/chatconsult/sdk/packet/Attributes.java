package org.chatconsult.sdk.packet;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jivesoftware.smack.util.XmlStringBuilder;

/**
 * An element's attributes in the order they are written, each kept as its value (text, a number, a time, an
 * address) and written as its text: what the element writes and what its getters read, in one place. A null value
 * is left out, as an attribute the element does not carry.
 */
final class Attributes {
    private final Map<String, Object> values = new LinkedHashMap<>();

    Attributes with(String name, Object value) {
        if (value != null) {
            values.put(name, value);
        }
        return this;
    }

    /** The value as it was given, or null when the element does not carry it. */
    @SuppressWarnings("unchecked")
    <T> T get(String name) {
        return (T) values.get(name);
    }

    void appendTo(XmlStringBuilder xml) {
        values.forEach((name, value) -> xml.attribute(name, value.toString()));
    }
}
