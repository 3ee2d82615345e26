package org.chatconsult.sdk.packet;

import javax.xml.namespace.QName;

import org.chatconsult.protocol.Wire;

/**
 * A waiting contact's place in line, counted from 1.
 *
 * <pre>{@code
 * QueueExtension queue = message.getExtension(QueueExtension.class);
 * showBanner("You are number " + queue.getPosition());
 * }</pre>
 */
public final class QueueExtension extends AttributeElement {
    public static final String ELEMENT = Wire.QUEUE;
    public static final QName QNAME = new QName(ChatConsult.NAMESPACE, ELEMENT);

    public QueueExtension(String interaction, int position) {
        super(ELEMENT, new Attributes().with("interaction", interaction).with("position", position));
    }

    public String getInteraction() {
        return attribute("interaction");
    }

    public int getPosition() {
        return attribute("position");
    }
}
