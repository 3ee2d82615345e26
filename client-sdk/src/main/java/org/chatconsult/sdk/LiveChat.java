package org.chatconsult.sdk;

import java.time.Instant;

import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jxmpp.jid.EntityBareJid;

/**
 * A live chat as a supervisor's list shows it: the routing point it came to, the contact, its state, its agent once
 * it has one, when it started and when it was answered (so its waiting time and duration follow), and how many
 * consultations it has.
 *
 * <pre>{@code
 * for (LiveChat chat : supervisor.liveChats()) {
 *     System.out.println(chat.getContactName() + " with " + chat.getAgentName() + " since " + chat.getAnswered());
 * }
 * }</pre>
 */
public final class LiveChat {
    private final String id;
    private final String routingPoint;
    private final String contactName;
    private final String state;
    private final Instant started;
    private final EntityBareJid agent;
    private final String agentName;
    private final Instant answered;
    private final int consultations;

    private LiveChat(StandardExtensionElement chat) {
        this.id = chat.getAttributeValue("id");
        this.routingPoint = chat.getAttributeValue("routing-point");
        this.contactName = chat.getAttributeValue("contact");
        this.state = chat.getAttributeValue("state");
        this.started = SupervisorManager.instant(chat.getAttributeValue("started"));
        this.agent = SupervisorManager.address(chat.getAttributeValue("agent"));
        this.agentName = chat.getAttributeValue("agent-name");
        this.answered = SupervisorManager.instant(chat.getAttributeValue("answered"));
        this.consultations = Integer.parseInt(chat.getAttributeValue("consultations"));
    }

    /** The chat a {@code <chat/>} of the service's answer to {@code <supervise/>} describes. */
    public static LiveChat from(StandardExtensionElement chat) {
        return new LiveChat(chat);
    }

    /** The interaction's id, to {@link SupervisorManager#monitor monitor} it by. */
    public String getId() {
        return id;
    }

    /** The routing point's name, e.g. {@code sales}. */
    public String getRoutingPoint() {
        return routingPoint;
    }

    public String getContactName() {
        return contactName;
    }

    /** {@code new}, {@code queued}, {@code offered} or {@code active}. */
    public String getState() {
        return state;
    }

    public Instant getStarted() {
        return started;
    }

    /** The agent who has it, or null while nobody does. */
    public EntityBareJid getAgent() {
        return agent;
    }

    public String getAgentName() {
        return agentName;
    }

    /** When its first agent accepted it, or null before. */
    public Instant getAnswered() {
        return answered;
    }

    /** How many consultations about it are open. */
    public int getConsultations() {
        return consultations;
    }
}
