package org.chatconsult.sdk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chatconsult.protocol.Wire;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The fixtures' mapping rules (protocol/fixtures/README.md) applied to the XML alone, with no SDK in between: what
 * checks that each fixture's JSON says what its XML does, and reads the results the SDK exposes only as a generic
 * element.
 */
final class WireRules {
    private static final String STANZAS = "urn:ietf:params:xml:ns:xmpp-stanzas";
    private static final Set<String> NUMBERS = Set.of("seq", "position", "wait", "capacity", "load", "after");
    private static final Map<String, String> PLURALS = Map.of("line", "lines", "event", "events", "item", "items",
            "chat", "chats", "supervision", "supervisions", "add", "adds", "remove", "removes");

    private WireRules() {
    }

    /** A whole stanza: its kind, type, addresses, body (a presence's show and status), our element, its error. */
    static Map<String, Object> stanza(Element stanza) {
        Map<String, Object> read = new LinkedHashMap<>();
        read.put("stanza", stanza.getLocalName());
        for (String attribute : new String[] {"type", "from", "to"}) {
            if (stanza.hasAttribute(attribute)) {
                read.put(attribute, stanza.getAttribute(attribute));
            }
        }
        for (Element child : children(stanza)) {
            if (child.getLocalName().equals("body")) {
                read.put("body", child.getTextContent());
            } else if (stanza.getLocalName().equals("presence")
                    && (child.getLocalName().equals("show") || child.getLocalName().equals("status"))) {
                read.put(child.getLocalName(), child.getTextContent());
            } else if (Wire.NS.equals(child.getNamespaceURI())) {
                read.put("payload", payload(child));
            } else if (child.getLocalName().equals("error")) {
                read.put("error", error(child));
            }
        }
        return read;
    }

    /** Our one element: its name under {@code element}, then what {@link #element} reads. */
    static Map<String, Object> payload(Element element) {
        Map<String, Object> read = new LinkedHashMap<>();
        read.put("element", element.getLocalName());
        read.putAll(element(element));
        return read;
    }

    /** Attributes, children and text of an element, by the rules. */
    static Map<String, Object> element(Element element) {
        Map<String, Object> read = new LinkedHashMap<>();
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            if (!"http://www.w3.org/2000/xmlns/".equals(attribute.getNamespaceURI())) {
                read.put(camel(attribute.getName()), value(element.getLocalName(), attribute.getName(),
                        attribute.getValue()));
            }
        }
        for (Element child : children(element)) {
            String plural = PLURALS.get(child.getLocalName());
            Object value = child.hasAttributes() || !children(child).isEmpty() ? element(child) : child.getTextContent();
            if (plural != null) {
                @SuppressWarnings("unchecked")
                List<Object> items = (List<Object>) read.computeIfAbsent(plural, key -> new ArrayList<>());
                items.add(value);
            } else {
                read.put(camel(child.getLocalName()), value);
            }
        }
        String text = ownText(element);
        if (!text.isBlank()) {
            read.put("text", text);
        }
        return read;
    }

    /** {@code routing-point} → {@code routingPoint}. */
    static String camel(String name) {
        StringBuilder camel = new StringBuilder();
        boolean upper = false;
        for (char c : name.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString();
    }

    private static Object value(String element, String attribute, String value) {
        if (attribute.equals("consultations") && element.equals(Wire.CHAT) || NUMBERS.contains(attribute)) {
            return Long.parseLong(value);
        }
        if (attribute.equals("consultations") && element.equals(Wire.SUPERVISION)) {
            return Boolean.parseBoolean(value);
        }
        return value;
    }

    private static Map<String, Object> error(Element error) {
        Map<String, Object> read = new LinkedHashMap<>();
        read.put("type", error.getAttribute("type"));
        for (Element child : children(error)) {
            if (STANZAS.equals(child.getNamespaceURI())) {
                read.put(child.getLocalName().equals("text") ? "text" : "condition",
                        child.getLocalName().equals("text") ? child.getTextContent() : child.getLocalName());
            }
        }
        return read;
    }

    static List<Element> children(Element element) {
        List<Element> children = new ArrayList<>();
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element) {
                children.add((Element) node);
            }
        }
        return children;
    }

    static String ownText(Element element) {
        StringBuilder text = new StringBuilder();
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(node.getNodeValue());
            }
        }
        return text.toString();
    }
}
