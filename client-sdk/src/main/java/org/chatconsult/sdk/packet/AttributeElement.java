package org.chatconsult.sdk.packet;

import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.util.XmlStringBuilder;

/** An empty element of the protocol's namespace that carries only attributes, as most notices do. */
abstract class AttributeElement implements ChatConsultElement {
    private final String element;
    private final Attributes attributes;

    AttributeElement(String element, Attributes attributes) {
        this.element = element;
        this.attributes = attributes;
    }

    /** An attribute's value, or null when the element does not carry it. */
    final <T> T attribute(String name) {
        return attributes.get(name);
    }

    @Override
    public final String getElementName() {
        return element;
    }

    @Override
    public final XmlStringBuilder toXML(XmlEnvironment enclosing) {
        XmlStringBuilder xml = new XmlStringBuilder(this, enclosing);
        attributes.appendTo(xml);
        return xml.closeEmptyElement();
    }
}
