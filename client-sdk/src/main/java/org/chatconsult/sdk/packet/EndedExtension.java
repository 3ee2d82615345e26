package org.chatconsult.sdk.packet;

import javax.xml.namespace.QName;

import org.chatconsult.protocol.EndReason;
import org.chatconsult.protocol.Wire;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.util.XmlStringBuilder;

/**
 * A chat ended, with its reason: one of {@link EndReason}'s tokens ({@code contact-left}, {@code agent-ended},
 * {@code queue-timeout}, {@code service-error}, {@code supervisor-ended}).
 *
 * <pre>{@code
 * EndedExtension ended = message.getExtension(EndedExtension.class);
 * close(ended.getInteraction(), ended.getReason());
 * }</pre>
 */
public final class EndedExtension implements ChatConsultElement {
    public static final String ELEMENT = Wire.ENDED;
    public static final QName QNAME = new QName(ChatConsult.NAMESPACE, ELEMENT);

    private final String interaction;
    private final String reason;

    public EndedExtension(String interaction, String reason) {
        this.interaction = interaction;
        this.reason = reason;
    }

    public String getInteraction() {
        return interaction;
    }

    /** The reason's token as sent. */
    public String getReason() {
        return reason;
    }

    /** The reason, or null for a token this version does not know. */
    public EndReason getEndReason() {
        return EndReason.ofToken(reason);
    }

    @Override
    public String getElementName() {
        return ELEMENT;
    }

    @Override
    public XmlStringBuilder toXML(XmlEnvironment enclosing) {
        return new XmlStringBuilder(this, enclosing).attribute("interaction", interaction)
                .attribute("reason", reason).closeEmptyElement();
    }
}
