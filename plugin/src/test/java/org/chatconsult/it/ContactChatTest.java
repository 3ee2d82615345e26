package org.chatconsult.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestTemplate;

/** A contact writes to a routing point; a Ready agent is offered the chat, accepts, and they talk. */
@OnBothServers
class ContactChatTest {
    private static final Duration LONG = Duration.ofMinutes(2);

    @TestTemplate
    void plainImContactChatsOneToOneThroughTheBridge(TestServer server) throws Exception {
        try (Party agent = server.connect("agent1");
                Party contact = server.connectPlain("contact1");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3))) {
            agent.ready();
            contact.chat("sales@consult.localhost", "Hello, I need help with my order");

            contact.awaitBody("Thank you for contacting Sales");
            Message offer = agent.awaitElement("offer");
            String room = Party.attr(offer, "offer", "room");
            assertThat(Party.ext(offer, "offer").getFirstElement("preview").getText())
                    .isEqualTo("Hello, I need help with my order");
            assertThat(Party.ext(offer, "offer").getFirstElement("contact").getAttributeValue("jid"))
                    .isEqualTo("contact1@localhost");

            MultiUserChat muc = agent.join(room, "Agent 1");
            Message joined = contact.awaitBody(server.displayName("agent1") + " has joined the chat.");
            assertThat(Party.attr(joined, "joined", "interaction")).isEqualTo(room.substring(0, room.indexOf('@')));
            assertThat(Party.attr(joined, "joined", "name")).isEqualTo(server.displayName("agent1"));
            // The contact's first line is in the room's history for the agent.
            agent.awaitMessage(m -> m.getType() == Message.Type.groupchat
                    && "Hello, I need help with my order".equals(m.getBody()));

            muc.sendMessage("Hi, I am Agent 1. What is your order number?");
            Message relayed = contact.awaitBody("What is your order number?");
            assertThat(relayed.getFrom().toString()).isEqualTo("sales@consult.localhost");
            assertThat(relayed.getBody()).isEqualTo(server.displayName("agent1") + ": Hi, I am Agent 1. What is your order number?");

            contact.chat("sales@consult.localhost", "It is 4711");
            agent.awaitMessage(m -> m.getType() == Message.Type.groupchat && "It is 4711".equals(m.getBody())
                    && "contact1".equals(m.getFrom().getResourceOrEmpty().toString()));
        }
    }

    @TestTemplate
    void mucCapableContactIsInvitedAndTalksInTheRoom(TestServer server) throws Exception {
        try (Party agent = server.connect("agent1");
                Party contact = server.connect("contact2");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3))) {
            agent.ready();
            var invitations = new java.util.concurrent.LinkedBlockingQueue<MultiUserChat>();
            MultiUserChatManager.getInstanceFor(contact.connection())
                    .addInvitationListener((conn, room, inviter, reason, password, message, invitation) ->
                            invitations.add(room));
            contact.chat("sales@consult.localhost", "Hi there");

            MultiUserChat contactRoom = invitations.poll(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(contactRoom).as("invitation to the contact").isNotNull();
            contactRoom.join(org.jxmpp.jid.parts.Resourcepart.from("contact2"));

            Message offer = agent.awaitElement("offer");
            String room = Party.attr(offer, "offer", "room");
            assertThat(room).isEqualTo(contactRoom.getRoom().toString());
            MultiUserChat agentRoom = agent.join(room, "Agent 1");
            agentRoom.sendMessage("Welcome!");
            contact.awaitMessage(m -> m.getType() == Message.Type.groupchat && "Welcome!".equals(m.getBody()));
            contactRoom.sendMessage("Thanks");
            agent.awaitMessage(m -> m.getType() == Message.Type.groupchat && "Thanks".equals(m.getBody()));
        }
    }
}
