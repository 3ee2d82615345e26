package org.chatconsult.sdk;

import java.util.Map;
import java.util.TreeMap;

import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

/**
 * A stanza's XML written so that two equivalent stanzas read the same: one element a line, indented, named with its
 * namespace, attributes sorted, namespace declarations and whitespace-only text left out, and the stanza's own
 * {@code id} dropped (a client picks it afresh for every request).
 */
final class CanonicalXml {
    private CanonicalXml() {
    }

    static String of(String xml) {
        StringBuilder text = new StringBuilder();
        write(Fixtures.parse(xml), 0, text);
        return text.toString();
    }

    private static void write(Element element, int depth, StringBuilder text) {
        text.append("  ".repeat(depth)).append('{').append(element.getNamespaceURI()).append('}')
                .append(element.getLocalName());
        Map<String, String> attributes = new TreeMap<>();
        NamedNodeMap all = element.getAttributes();
        for (int i = 0; i < all.getLength(); i++) {
            Attr attribute = (Attr) all.item(i);
            boolean declaration = "http://www.w3.org/2000/xmlns/".equals(attribute.getNamespaceURI());
            boolean stanzaId = depth == 0 && attribute.getName().equals("id");
            if (!declaration && !stanzaId) {
                attributes.put(attribute.getName(), attribute.getValue());
            }
        }
        attributes.forEach((name, value) -> text.append(' ').append(name).append("='").append(value).append('\''));
        String own = WireRules.ownText(element);
        if (!own.isBlank()) {
            text.append(" text='").append(own).append('\'');
        }
        text.append('\n');
        for (Element child : WireRules.children(element)) {
            write(child, depth + 1, text);
        }
    }
}
