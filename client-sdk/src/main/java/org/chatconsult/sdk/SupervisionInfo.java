package org.chatconsult.sdk;

import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jxmpp.jid.EntityBareJid;

/**
 * A supervision as the service describes it: the chat it watches, the supervisor's own room the chat is mirrored
 * into, whether she monitors or barged in, whether the chat's consultations are mirrored too and, once she barged
 * in, the chat's room.
 *
 * <pre>{@code
 * for (SupervisionInfo mine : supervisor.supervisions()) {
 *     System.out.println(mine.getInteraction() + ": " + mine.getMode());
 * }
 * }</pre>
 */
public final class SupervisionInfo {
    private final String id;
    private final String interaction;
    private final EntityBareJid room;
    private final String mode;
    private final boolean withConsultations;
    private final EntityBareJid chatRoom;

    private SupervisionInfo(StandardExtensionElement supervision) {
        this.id = supervision.getAttributeValue("id");
        this.interaction = supervision.getAttributeValue("interaction");
        this.room = SupervisorManager.address(supervision.getAttributeValue("room"));
        this.mode = supervision.getAttributeValue("mode");
        this.withConsultations = Boolean.parseBoolean(supervision.getAttributeValue("consultations"));
        this.chatRoom = SupervisorManager.address(supervision.getAttributeValue("chat-room"));
    }

    /** The supervision a {@code <supervision/>} of the service's answer describes. */
    public static SupervisionInfo from(StandardExtensionElement supervision) {
        return new SupervisionInfo(supervision);
    }

    public String getId() {
        return id;
    }

    /** The chat watched. */
    public String getInteraction() {
        return interaction;
    }

    /** Her own room, which the chat is mirrored into and where she whispers to its agent. */
    public EntityBareJid getRoom() {
        return room;
    }

    /** {@code monitoring}, or {@code barged} once she is in the chat itself. */
    public String getMode() {
        return mode;
    }

    /** Whether the chat's consultations are mirrored into her room too. */
    public boolean isWithConsultations() {
        return withConsultations;
    }

    /** The chat's own room, once she barged in; null before. */
    public EntityBareJid getChatRoom() {
        return chatRoom;
    }
}
