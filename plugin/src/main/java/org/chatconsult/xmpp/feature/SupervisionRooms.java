package org.chatconsult.xmpp.feature;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.chatconsult.core.ContactCentreListener;
import org.chatconsult.core.Directory;
import org.chatconsult.core.Interaction;
import org.chatconsult.core.Settings;
import org.chatconsult.core.Supervision;
import org.chatconsult.core.SupervisionDesk;
import org.chatconsult.protocol.Wire;
import org.chatconsult.store.InteractionLog;
import org.chatconsult.xmpp.Addresses;
import org.chatconsult.xmpp.AgentSessions;
import org.chatconsult.xmpp.Protocol;
import org.chatconsult.xmpp.RoomDriver;
import org.dom4j.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;

/**
 * Carries supervision out on the MUC service. Monitoring is a private room of the supervisor's, made like a
 * consultation's (hidden, members-only) and mirrored from the chat by the {@link TranscriptMirror}: the contact
 * room is not touched, so nothing of it can reach the contact. A whisper is a line in that room, which the agent
 * is admitted to on the first one. A barge-in makes her a member of the chat's room and says so in it.
 */
public record SupervisionRooms(Addresses addresses, RoomDriver rooms, PrivateRooms privateRooms,
        TranscriptMirror transcripts, AgentSessions sessions, Directory directory, Settings settings,
        InteractionLog log, Clock clock, Consumer<Packet> out) implements ContactCentreListener {
    /** Neutral, as the MUC service shows it to anyone who asks (XEP-0045 §6.4). */
    private static final String TITLE = "Private room";
    private static final Logger LOG = LoggerFactory.getLogger(SupervisionRooms.class);
    private static final String SERVICE_RESTARTED = "service-restarted";

    /** Completes once the supervision's room exists and she is its member (at once if it does already). */
    public CompletableFuture<Void> whenReady(String supervisionId) {
        return privateRooms.whenReady(supervisionId);
    }

    @Override
    public void supervisionStarted(Supervision supervision) {
        String id = supervision.id();
        String invitation = "Your room to monitor " + supervision.interaction().contactName()
                + "'s chat. The contact does not see it.";
        privateRooms.open(id, TITLE, new JID(supervision.supervisor()), invitation, (centre, failure) -> {
            boolean live = centre.supervisions().supervision(id).isPresent();
            if (failure != null) {
                LOG.warn("room for supervision {} could not be set up: {}", id, failure.getMessage());
                if (live) {
                    centre.supervisions().end(id, "service-error");
                }
            } else if (!live) {
                destroy(id, "The chat has ended.");
            } else if (settings.tellAgentWhenMonitored()) {
                tellAgent(supervision, "monitoring", null, " is monitoring your chat with ");
            }
        });
    }

    /**
     * A supervision lives as long as the service runs: a chat the previous run left live may have some its log
     * shows begun and not ended. They end, with the reason {@code service-restarted}: their rooms go, and one who
     * had barged in is no member of the chat any more (she monitors again if she wants).
     */
    @Override
    public void interactionRestored(Interaction interaction) {
        for (InteractionLog.OpenSupervision cut : log.openSupervisions(interaction.id())) {
            log.supervisionCutOff(interaction, cut, SERVICE_RESTARTED);
            // Entered first: a MUC service takes an owner's request from an occupant (or makes the room anew).
            rooms.join(addresses.room(cut.id()), addresses.serviceOccupant(cut.id()), ConsultationRooms.NICK)
                    .whenComplete((in, failure) -> destroy(cut.id(), ended(SERVICE_RESTARTED)));
            if (cut.barged()) {
                rooms.removeMember(addresses.room(interaction.id()), addresses.serviceOccupant(interaction.id()),
                        new JID(cut.supervisor()));
            }
        }
    }

    @Override
    public void whispered(Supervision supervision, String text, boolean saidInRoom, boolean firstToAgent) {
        String id = supervision.id();
        JID room = addresses.room(id);
        JID self = addresses.serviceOccupant(id);
        String name = directory.displayName(supervision.supervisor());
        if (!saidInRoom) {
            // Said for her, as her words: the room's history keeps it for an agent who enters later.
            rooms.say(room, self, name + " (whisper): " + text);
        }
        transcripts.recordSupervision(supervision, name, "supervisor", clock.instant(), text, null);
        if (firstToAgent) {
            String agent = supervision.whisperedTo();
            rooms.admit(room, self, new JID(agent), name + " whispers about your chat with "
                    + supervision.interaction().contactName() + ". The contact does not see this room.")
                    .exceptionally(failure -> {
                        LOG.warn("agent of supervision {} could not be admitted: {}", id, failure.getMessage());
                        return null;
                    });
            tellAgent(supervision, "whisper", room, " whispers to you about your chat with ");
        }
    }

    @Override
    public void bargedIn(Supervision supervision) {
        Interaction chat = supervision.interaction();
        JID room = addresses.room(chat.id());
        JID self = addresses.serviceOccupant(chat.id());
        String name = directory.displayName(supervision.supervisor());
        rooms.admit(room, self, new JID(supervision.supervisor()), "Join " + chat.contactName() + "'s chat.")
                .exceptionally(failure -> {
                    LOG.warn("supervisor could not be admitted to chat {}: {}", chat.id(), failure.getMessage());
                    return null;
                });
        rooms.say(room, self, name + " (supervisor) has joined the chat.");
        tellAgent(supervision, "barged", room, " has joined your chat with ");
    }

    @Override
    public void supervisionEnded(Supervision supervision, String reason) {
        privateRooms.closed(supervision.id());
        destroy(supervision.id(), ended(reason));
        Interaction chat = supervision.interaction();
        boolean chatGoesOn = !SupervisionDesk.CHAT_ENDED.equals(reason);
        if (supervision.barged() && chatGoesOn) {
            JID room = addresses.room(chat.id());
            JID self = addresses.serviceOccupant(chat.id());
            rooms.removeMember(room, self, new JID(supervision.supervisor()));
            rooms.say(room, self, directory.displayName(supervision.supervisor()) + " has left the chat.");
        }
        boolean agentKnew = supervision.barged() || supervision.whisperedTo() != null
                || settings.tellAgentWhenMonitored();
        if (agentKnew && chatGoesOn) {
            tellAgent(supervision, "ended", null, " no longer supervises your chat with ");
        }
    }

    /**
     * Tells the chat's agent, in words and as {@code <supervised/>} for programs: "Sue is monitoring your chat
     * with Carol." {@code action}: monitoring, whisper, barged or ended; {@code room}: where to go, if anywhere.
     */
    private void tellAgent(Supervision supervision, String action, JID room, String words) {
        Interaction chat = supervision.interaction();
        String agent = chat.owner();
        JID session = agent == null ? null : sessions.address(agent);
        if (session == null) {
            return;
        }
        String name = directory.displayName(supervision.supervisor());
        Message message = new Message();
        message.setFrom(addresses.service());
        message.setTo(session);
        message.setBody(name + words + chat.contactName() + "." + (room == null ? "" : " " + room.toBareJID()));
        Element supervised = message.addChildElement(Wire.SUPERVISED, Protocol.NS);
        supervised.addAttribute("supervision", supervision.id());
        supervised.addAttribute("interaction", chat.id());
        supervised.addAttribute("supervisor", supervision.supervisor());
        supervised.addAttribute("name", name);
        supervised.addAttribute("action", action);
        supervised.addAttribute("room", room == null ? null : room.toBareJID());
        out.accept(message);
    }

    /** What her room says as it goes. */
    private static String ended(String reason) {
        return "The supervision has ended (" + reason + ").";
    }

    private void destroy(String id, String reason) {
        rooms.destroy(addresses.room(id), addresses.serviceOccupant(id), reason).exceptionally(failure -> {
            LOG.debug("destroying supervision room {}: {}", id, failure.getMessage());
            return null;
        });
    }
}
