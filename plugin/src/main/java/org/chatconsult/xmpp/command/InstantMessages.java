package org.chatconsult.xmpp.command;

import java.time.Clock;
import java.util.function.Consumer;

import org.chatconsult.core.ContactCentre;
import org.chatconsult.core.Recents;
import org.chatconsult.xmpp.Addresses;
import org.chatconsult.xmpp.AgentSessions;
import org.chatconsult.xmpp.Ids;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;

/**
 * An IM from one agent to another that the service carries, for clients that only know the target from a form:
 * a 1:1 chat message from the service that names the sender and the address to answer, since a reply to the
 * service would reach nobody.
 */
public final class InstantMessages {
    private final Addresses addresses;
    private final AgentSessions sessions;
    private final Recents recents;
    private final Clock clock;
    private final Consumer<Packet> out;

    public InstantMessages(Addresses addresses, AgentSessions sessions, Recents recents, Clock clock, Consumer<Packet> out) {
        this.addresses = addresses;
        this.sessions = sessions;
        this.recents = recents;
        this.clock = clock;
        this.out = out;
    }

    /** Sends {@code text} from {@code agent} to the agent {@code target}; on the core thread, for the recents. */
    void send(ContactCentre centre, String agent, String target, String text) {
        Message message = new Message();
        message.setType(Message.Type.chat);
        message.setID(Ids.next());
        message.setFrom(addresses.service());
        message.setTo(sessions.address(target));
        message.setBody(centre.directory().displayName(agent) + " (" + agent + "): " + text
                + "\n\nTo answer, write to " + agent + ".");
        out.accept(message);
        recents.add(agent, target, "im", clock.instant());
    }
}
