package org.chatconsult.sdk.packet;

import javax.xml.namespace.QName;

import org.chatconsult.protocol.Wire;
import org.jxmpp.jid.EntityBareJid;

/**
 * What a supervisor did about one of this agent's chats, as the service tells the agent: {@code monitoring} (only
 * where the service's settings say to tell), {@code whisper} (read it in {@link #getRoom()}, the supervision's
 * room, which the agent may now join), {@code barged} (she is in the chat itself) or {@code ended}.
 *
 * <pre>{@code
 * SupervisedExtension notice = message.getExtension(SupervisedExtension.class);
 * if (SupervisedExtension.WHISPER.equals(notice.getAction())) { join(notice.getRoom()); }
 * }</pre>
 */
public final class SupervisedExtension extends AttributeElement {
    public static final String ELEMENT = Wire.SUPERVISED;
    public static final QName QNAME = new QName(ChatConsult.NAMESPACE, ELEMENT);
    public static final String MONITORING = "monitoring";
    public static final String WHISPER = "whisper";
    public static final String BARGED = "barged";
    public static final String ENDED = "ended";

    public SupervisedExtension(String supervision, String interaction, EntityBareJid supervisor, String name,
            String action, EntityBareJid room) {
        super(ELEMENT, new Attributes().with("supervision", supervision).with("interaction", interaction)
                .with("supervisor", supervisor).with("name", name).with("action", action).with("room", room));
    }

    public String getSupervision() {
        return attribute("supervision");
    }

    /** The agent's chat it is about. */
    public String getInteraction() {
        return attribute("interaction");
    }

    public EntityBareJid getSupervisor() {
        return attribute("supervisor");
    }

    /** The supervisor's display name. */
    public String getName() {
        return attribute("name");
    }

    /** {@link #MONITORING}, {@link #WHISPER}, {@link #BARGED} or {@link #ENDED}. */
    public String getAction() {
        return attribute("action");
    }

    /** Where to go: the supervision's room for a whisper, the chat's room for a barge-in; null otherwise. */
    public EntityBareJid getRoom() {
        return attribute("room");
    }
}
