package org.chatconsult.xmpp.edge;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.Node;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.Presence;

/**
 * The first look at every stanza, before anything else reads it: within the {@link Limits} (walked without
 * recursion, so no nesting can exhaust a thread's stack), a type its kind knows (RFC 6120 §8.2.3, RFC 6121
 * §4.7.1, §5.2.2), addresses that parse (RFC 7622), and an IQ request with exactly one payload (RFC 6120
 * §8.2.3). Tinder's accessors throw on an unknown type or a malformed address; after this check they cannot.
 */
public final class StanzaGuard {
    private static final Map<String, Set<String>> TYPES = Map.of(
            "message", Set.of("normal", "chat", "groupchat", "headline", "error"),
            "presence", Set.of("unavailable", "subscribe", "subscribed", "unsubscribe", "unsubscribed", "probe", "error"),
            "iq", Set.of("get", "set", "result", "error"));

    private StanzaGuard() {
    }

    /** Null when the stanza may be handled; otherwise why not. */
    public static Violation check(Element stanza) {
        Violation size = measure(stanza);
        if (size != null) {
            return size;
        }
        Set<String> types = TYPES.get(stanza.getName());
        if (types == null) {
            return Violation.malformed("not a stanza");
        }
        String type = stanza.attributeValue("type");
        if (type == null ? stanza.getName().equals("iq") : !types.contains(type)) {
            return Violation.malformed("the 'type' of a " + stanza.getName() + " is one of " + types);
        }
        for (String address : new String[] {"from", "to"}) {
            String value = stanza.attributeValue(address);
            if (value != null && !isAddress(value)) {
                return Violation.malformedAddress("'" + address + "' is not an XMPP address");
            }
        }
        if (isRequest(stanza) && stanza.elements().size() != 1) {
            return Violation.malformed("an IQ request carries exactly one child element (RFC 6120 §8.2.3)");
        }
        return null;
    }

    /** Walks the whole tree with a stack of its own, charging each name, attribute and text to one budget. */
    private static Violation measure(Element stanza) {
        StanzaBudget budget = new StanzaBudget();
        Deque<Element> elements = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        elements.push(stanza);
        depths.push(1);
        while (!elements.isEmpty()) {
            Element element = elements.pop();
            int depth = depths.pop();
            Violation violation = budget.element(depth, element.getName());
            for (int i = 0; violation == null && i < element.attributeCount(); i++) {
                violation = budget.attribute(element.attribute(i).getName(), element.attribute(i).getValue());
            }
            for (int i = 0; violation == null && i < element.nodeCount(); i++) {
                Node node = element.node(i);
                if (node instanceof Element) {
                    elements.push((Element) node);
                    depths.push(depth + 1);
                } else if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
                    violation = budget.text(node.getText().length());
                }
            }
            if (violation != null) {
                return violation;
            }
        }
        return null;
    }

    private static boolean isAddress(String value) {
        if (value.length() > Limits.MAX_JID) {
            return false;
        }
        try {
            new JID(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isRequest(Element stanza) {
        String type = stanza.attributeValue("type");
        return stanza.getName().equals("iq") && ("get".equals(type) || "set".equals(type));
    }

    /**
     * The error answering a refused stanza (RFC 6120 §8.3.1): addressed back, with the stanza's id and none of
     * its payload. Null where no answer is due: to an error (§8.3.1 forbids answering one), to an IQ result,
     * or to something that is no stanza.
     */
    public static Packet refusal(Element stanza, Violation violation) {
        String type = stanza.attributeValue("type");
        if (!TYPES.containsKey(stanza.getName()) || "error".equals(type)
                || (stanza.getName().equals("iq") && "result".equals(type))) {
            return null;
        }
        Element reply = DocumentHelper.createElement(stanza.getName());
        copyAddress(stanza, "to", reply, "from");
        copyAddress(stanza, "from", reply, "to");
        String id = stanza.attributeValue("id");
        if (id != null && id.length() <= Limits.MAX_ATTRIBUTE) { // the answer must carry it (RFC 6120 §8.2.3)
            reply.addAttribute("id", id);
        }
        reply.addAttribute("type", "error");
        Packet packet = switch (stanza.getName()) {
            case "message" -> new Message(reply, true);
            case "presence" -> new Presence(reply, true);
            default -> new IQ(reply, true);
        };
        packet.setError(new PacketError(violation.condition(), violation.condition().getDefaultType(),
                violation.text(), "en"));
        return packet;
    }

    private static void copyAddress(Element from, String attribute, Element to, String as) {
        String value = from.attributeValue(attribute);
        if (value != null && isAddress(value)) {
            to.addAttribute(as, value);
        }
    }
}
