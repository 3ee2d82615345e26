package org.chatconsult.sdk.packet;

import javax.xml.namespace.QName;

import org.chatconsult.protocol.EndReason;
import org.chatconsult.protocol.Wire;

/**
 * A chat ended, with its reason: one of {@link EndReason}'s tokens ({@code contact-left}, {@code agent-ended},
 * {@code queue-timeout}, {@code service-error}, {@code supervisor-ended}).
 *
 * <pre>{@code
 * EndedExtension ended = message.getExtension(EndedExtension.class);
 * close(ended.getInteraction(), ended.getReason());
 * }</pre>
 */
public final class EndedExtension extends AttributeElement {
    public static final String ELEMENT = Wire.ENDED;
    public static final QName QNAME = new QName(ChatConsult.NAMESPACE, ELEMENT);

    public EndedExtension(String interaction, String reason) {
        super(ELEMENT, new Attributes().with("interaction", interaction).with("reason", reason));
    }

    public String getInteraction() {
        return attribute("interaction");
    }

    /** The reason's token as sent. */
    public String getReason() {
        return attribute("reason");
    }

    /** The reason, or null for a token this version does not know. */
    public EndReason getEndReason() {
        return EndReason.ofToken(getReason());
    }
}
