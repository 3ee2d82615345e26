package org.chatconsult.sdk.packet;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jivesoftware.smack.packet.IQ;
import org.jxmpp.jid.Jid;

/**
 * A request to the service in our namespace (docs/protocol.md): an element with attributes and, optionally, text
 * children such as {@code <note/>} or {@code <reason/>}, or text of its own such as a whisper's.
 *
 * <pre>{@code
 * IQ end = CommandIQ.set(service, "end").with("interaction", id);
 * connection.sendIqRequestAndWaitForResponse(end);
 * }</pre>
 */
public final class CommandIQ extends IQ {
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final java.util.List<String[]> children = new java.util.ArrayList<>();
    private String text;

    private CommandIQ(Jid service, Type type, String element) {
        super(element, ChatConsult.NAMESPACE);
        setType(type);
        setTo(service);
    }

    public static CommandIQ set(Jid service, String element) {
        return new CommandIQ(service, Type.set, element);
    }

    public static CommandIQ get(Jid service, String element) {
        return new CommandIQ(service, Type.get, element);
    }

    /** Adds an attribute; null values are left out. */
    public CommandIQ with(String attribute, String value) {
        if (value != null) {
            attributes.put(attribute, value);
        }
        return this;
    }

    /** Adds a text child, e.g. {@code <note>…</note>}; null text is left out. */
    public CommandIQ child(String name, String text) {
        if (text != null) {
            children.add(new String[] {name, null, null, text});
        }
        return this;
    }

    /** Adds an empty child with one attribute, e.g. {@code <add jid='…'/>}. */
    public CommandIQ item(String name, String attribute, String value) {
        children.add(new String[] {name, attribute, value, null});
        return this;
    }

    /** Sets the element's own text, e.g. {@code <whisper>…</whisper>}; null leaves it empty. */
    public CommandIQ text(String text) {
        this.text = text;
        return this;
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        attributes.forEach(xml::attribute);
        if (children.isEmpty() && text == null) {
            xml.setEmptyElement();
            return xml;
        }
        xml.rightAngleBracket();
        for (String[] child : children) {
            if (child[3] != null) {
                xml.element(child[0], child[3]);
            } else {
                xml.halfOpenElement(child[0]).attribute(child[1], child[2]).closeEmptyElement();
            }
        }
        if (text != null) {
            xml.escape(text);
        }
        return xml;
    }
}
