package org.chatconsult.sdk.packet;

import javax.xml.namespace.QName;

import org.chatconsult.protocol.Wire;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.util.XmlStringBuilder;

/**
 * A waiting contact's place in line, counted from 1.
 *
 * <pre>{@code
 * QueueExtension queue = message.getExtension(QueueExtension.class);
 * showBanner("You are number " + queue.getPosition());
 * }</pre>
 */
public final class QueueExtension implements ChatConsultElement {
    public static final String ELEMENT = Wire.QUEUE;
    public static final QName QNAME = new QName(ChatConsult.NAMESPACE, ELEMENT);

    private final String interaction;
    private final int position;

    public QueueExtension(String interaction, int position) {
        this.interaction = interaction;
        this.position = position;
    }

    public String getInteraction() {
        return interaction;
    }

    public int getPosition() {
        return position;
    }

    @Override
    public String getElementName() {
        return ELEMENT;
    }

    @Override
    public XmlStringBuilder toXML(XmlEnvironment enclosing) {
        return new XmlStringBuilder(this, enclosing).attribute("interaction", interaction)
                .attribute("position", position).closeEmptyElement();
    }
}
