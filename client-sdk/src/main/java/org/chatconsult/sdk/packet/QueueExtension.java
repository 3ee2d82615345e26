package org.chatconsult.sdk.packet;

import javax.xml.namespace.QName;

import org.chatconsult.protocol.Wire;

/**
 * A waiting contact's place in line, counted from 1, and the service's estimate of her wait.
 *
 * <pre>{@code
 * QueueExtension queue = message.getExtension(QueueExtension.class);
 * showBanner("You are number " + queue.getPosition() + ", about " + queue.getWait() / 60 + " min.");
 * }</pre>
 */
public final class QueueExtension extends AttributeElement {
    public static final String ELEMENT = Wire.QUEUE;
    public static final QName QNAME = new QName(ChatConsult.NAMESPACE, ELEMENT);

    /** {@code wait}: the expected wait in seconds, or null from a service that does not estimate it. */
    public QueueExtension(String interaction, int position, Long wait) {
        super(ELEMENT, new Attributes().with("interaction", interaction).with("position", position)
                .with("wait", wait));
    }

    public String getInteraction() {
        return attribute("interaction");
    }

    public int getPosition() {
        return attribute("position");
    }

    /** The expected wait in seconds, or null when the service sent none. */
    public Long getWait() {
        return attribute("wait");
    }
}
