package org.chatconsult.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smackx.chatstates.ChatState;
import org.jivesoftware.smackx.chatstates.packet.ChatStateExtension;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.muc.packet.MUCUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestTemplate;

/** Every way a chat ends: the room is destroyed with a reason, the contact is told, the agent's capacity freed. */
@OnBothServers
class EndingTest {
    private static final Duration LONG = Duration.ofMinutes(2);
    private static final String SUPPORT = "support@consult.localhost";

    /** A contact chatting with agent3 (capacity 1) at Support. */
    private static String activeChat(Party agent, Party contact) throws Exception {
        agent.ready(1);
        contact.chat(SUPPORT, "hello");
        Message offer = agent.awaitElement("offer");
        agent.join(Party.attr(offer, "offer", "room"), "Agent 3");
        contact.awaitBody("has joined the chat");
        return Party.attr(offer, "offer", "room");
    }

    /** The agent sees the room destroyed, and the service offers the agent the next chat: capacity was freed. */
    private static void assertEndedAndCapacityFreed(TestServer server, Party agent, String room, String reason)
            throws Exception {
        Presence destroyed = (Presence) agent.awaitStanza(s -> s instanceof Presence
                && s.getFrom().asBareJid().toString().equals(room)
                && MUCUser.from(s) != null && MUCUser.from(s).getDestroy() != null);
        assertThat(MUCUser.from(destroyed).getDestroy().getReason()).isEqualTo(reason);
        assertRoomGone(agent, room);
        try (Party next = server.connectPlain("contact6")) {
            next.chat(SUPPORT, "next please");
            agent.awaitMessage(m -> m.hasExtension("offer", Party.NS)
                    && "next please".equals(Party.ext(m, "offer").getFirstElement("preview").getText()));
        }
    }

    static void assertRoomGone(Party someone, String room) {
        assertThatThrownBy(() -> ServiceDiscoveryManager.getInstanceFor(someone.connection())
                .discoverInfo(Party.jid(room)))
                .isInstanceOf(XMPPException.XMPPErrorException.class)
                .satisfies(e -> assertThat(((XMPPException.XMPPErrorException) e).getStanzaError().getCondition())
                        .isEqualTo(StanzaError.Condition.item_not_found));
    }

    @TestTemplate
    void contactSendsEndCommand(TestServer server) throws Exception {
        try (Party agent = server.connect("agent3");
                Party contact = server.connectPlain("contact1");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3))) {
            String room = activeChat(agent, contact);
            contact.chat(SUPPORT, "/end");
            assertThat(Party.attr(contact.awaitElement("ended"), "ended", "reason")).isEqualTo("contact-left");
            assertEndedAndCapacityFreed(server, agent, room, "The contact left the chat.");
        }
    }

    @TestTemplate
    void contactSaysGoneChatState(TestServer server) throws Exception {
        try (Party agent = server.connect("agent3");
                Party contact = server.connectPlain("contact1");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3))) {
            String room = activeChat(agent, contact);
            contact.send(StanzaBuilder.buildMessage().to(Party.jid(SUPPORT)).ofType(Message.Type.chat)
                    .addExtension(new ChatStateExtension(ChatState.gone)).build());
            assertEndedAndCapacityFreed(server, agent, room, "The contact left the chat.");
        }
    }

    @TestTemplate
    void bridgedContactGoesOffline(TestServer server) throws Exception {
        try (Party agent = server.connect("agent3");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3),
                        Duration.ofMillis(300))) {
            String room;
            try (Party contact = server.connectPlain("contact1")) {
                room = activeChat(agent, contact);
            }
            assertEndedAndCapacityFreed(server, agent, room, "The contact left the chat.");
        }
    }

    @TestTemplate
    void mucContactLeavesTheRoom(TestServer server) throws Exception {
        try (Party agent = server.connect("agent3");
                Party contact = server.connect("contact2");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3))) {
            agent.ready(1);
            var invited = new java.util.concurrent.LinkedBlockingQueue<MultiUserChat>();
            MultiUserChatManager.getInstanceFor(contact.connection())
                    .addInvitationListener((c, r, i, reason, p, m, inv) -> invited.add(r));
            contact.chat(SUPPORT, "hello");
            MultiUserChat contactRoom = invited.poll(10, java.util.concurrent.TimeUnit.SECONDS);
            contactRoom.join(org.jxmpp.jid.parts.Resourcepart.from("contact2"));
            Message offer = agent.awaitElement("offer");
            String room = Party.attr(offer, "offer", "room");
            agent.join(room, "Agent 3");
            contactRoom.leave();
            assertEndedAndCapacityFreed(server, agent, room, "The contact left the chat.");
        }
    }

    @TestTemplate
    void agentOnAStockClientSaysEndInTheRoom(TestServer server) throws Exception {
        try (Party agent = server.connect("agent3");
                Party contact = server.connectPlain("contact1");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3))) {
            String room = activeChat(agent, contact);
            MultiUserChatManager.getInstanceFor(agent.connection()).getMultiUserChat(Party.room(room))
                    .sendMessage("/end");
            assertThat(Party.attr(contact.awaitElement("ended"), "ended", "reason")).isEqualTo("agent-ended");
            assertThat(contact.received()).noneMatch(s -> s instanceof Message
                    && ((Message) s).getBody() != null && ((Message) s).getBody().endsWith(": /end"));
            assertEndedAndCapacityFreed(server, agent, room, "The agent ended the chat.");
        }
    }

    @TestTemplate
    void theContactsEndWordInTheRoomEndsTheChat(TestServer server) throws Exception {
        try (Party agent = server.connect("agent3");
                Party contact = server.connect("contact2");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3))) {
            agent.ready(1);
            var invited = new java.util.concurrent.LinkedBlockingQueue<MultiUserChat>();
            MultiUserChatManager.getInstanceFor(contact.connection())
                    .addInvitationListener((c, r, i, reason, p, m, inv) -> invited.add(r));
            contact.chat(SUPPORT, "hello");
            MultiUserChat contactRoom = invited.poll(10, java.util.concurrent.TimeUnit.SECONDS);
            contactRoom.join(org.jxmpp.jid.parts.Resourcepart.from("contact2"));
            Message offer = agent.awaitElement("offer");
            String room = Party.attr(offer, "offer", "room");
            agent.join(room, "Agent 3");
            contactRoom.sendMessage("!end");
            Message ended = contact.awaitElement("ended");
            assertThat(Party.attr(ended, "ended", "reason")).isEqualTo("contact-left");
            agent.awaitBody("This chat has ended. The contact left the chat.");
            assertEndedAndCapacityFreed(server, agent, room, "The contact left the chat.");
        }
    }

    @TestTemplate
    void agentEndsTheInteraction(TestServer server) throws Exception {
        try (Party agent = server.connect("agent3");
                Party contact = server.connectPlain("contact1");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3))) {
            String room = activeChat(agent, contact);
            agent.command("end", Map.of("interaction", room.substring(0, room.indexOf('@'))));
            Message ended = contact.awaitElement("ended");
            assertThat(Party.attr(ended, "ended", "reason")).isEqualTo("agent-ended");
            assertThat(ended.getBody()).contains("The agent ended the chat.");
            assertEndedAndCapacityFreed(server, agent, room, "The agent ended the chat.");
        }
    }
}
