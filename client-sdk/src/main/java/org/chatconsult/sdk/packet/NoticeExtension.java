package org.chatconsult.sdk.packet;

/**
 * What the service tells an agent about a consultation, conference or transfer it takes part in:
 * {@code consultation-accepted}, {@code consultation-ended}, {@code handover-accepted} or
 * {@code handover-released}, with the ids it concerns and, as they apply, the reason and the target; and what it
 * tells a contact chatting by message when an agent joins her chat: {@code joined}, with the agent's name.
 *
 * <pre>{@code
 * NoticeExtension ended = (NoticeExtension) message.getExtensionElement("consultation-ended", ChatConsult.NAMESPACE);
 * if (ended != null) { close(ended.getConsultation(), ended.getReason()); }
 * }</pre>
 */
public final class NoticeExtension extends AttributeElement {
    public NoticeExtension(String element, String consultation, String handover, String kind, String interaction,
            String reason, String target, String name) {
        super(element, new Attributes().with("consultation", consultation).with("handover", handover)
                .with("kind", kind).with("interaction", interaction).with("reason", reason).with("target", target)
                .with("name", name));
    }

    public String getConsultation() {
        return attribute("consultation");
    }

    public String getHandover() {
        return attribute("handover");
    }

    public String getKind() {
        return attribute("kind");
    }

    public String getInteraction() {
        return attribute("interaction");
    }

    public String getReason() {
        return attribute("reason");
    }

    /** The agent who accepted, for the {@code …-accepted} notices. */
    public String getTarget() {
        return attribute("target");
    }

    public String getName() {
        return attribute("name");
    }
}
