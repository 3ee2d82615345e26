package org.chatconsult.sdk.packet;

import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.util.XmlStringBuilder;

/**
 * What the service tells an agent about a consultation, conference or transfer it takes part in:
 * {@code consultation-accepted}, {@code consultation-ended}, {@code handover-accepted} or
 * {@code handover-released}, with the ids it concerns and, as they apply, the reason and the target.
 *
 * <pre>{@code
 * NoticeExtension ended = (NoticeExtension) message.getExtensionElement("consultation-ended", ChatConsult.NAMESPACE);
 * if (ended != null) { close(ended.getConsultation(), ended.getReason()); }
 * }</pre>
 */
public final class NoticeExtension implements ChatConsultElement {
    private final String element;
    private final String consultation;
    private final String handover;
    private final String kind;
    private final String interaction;
    private final String reason;
    private final String target;
    private final String name;

    public NoticeExtension(String element, String consultation, String handover, String kind, String interaction,
            String reason, String target, String name) {
        this.element = element;
        this.consultation = consultation;
        this.handover = handover;
        this.kind = kind;
        this.interaction = interaction;
        this.reason = reason;
        this.target = target;
        this.name = name;
    }

    public String getConsultation() {
        return consultation;
    }

    public String getHandover() {
        return handover;
    }

    public String getKind() {
        return kind;
    }

    public String getInteraction() {
        return interaction;
    }

    public String getReason() {
        return reason;
    }

    /** The agent who accepted, for the {@code …-accepted} notices. */
    public String getTarget() {
        return target;
    }

    public String getName() {
        return name;
    }

    @Override
    public String getElementName() {
        return element;
    }

    @Override
    public XmlStringBuilder toXML(XmlEnvironment enclosing) {
        return new XmlStringBuilder(this, enclosing).optAttribute("consultation", consultation)
                .optAttribute("handover", handover).optAttribute("kind", kind)
                .attribute("interaction", interaction).optAttribute("reason", reason)
                .optAttribute("target", target).optAttribute("name", name).closeEmptyElement();
    }
}
