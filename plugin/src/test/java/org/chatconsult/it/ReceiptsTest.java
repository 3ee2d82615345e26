package org.chatconsult.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smackx.receipts.DeliveryReceipt;
import org.junit.jupiter.api.TestTemplate;

/** A contact's line that asks for a receipt (XEP-0184) gets one from the routing point once it is in the chat. */
@OnBothServers
class ReceiptsTest {
    private static final Duration LONG = Duration.ofMinutes(2);
    private static final String SUPPORT = "support@consult.localhost";
    private static final String NS_RECEIPTS = "urn:xmpp:receipts";

    private static Message lineAskingReceipt(String id, String body) {
        return StanzaBuilder.buildMessage(id).to(Party.jid(SUPPORT)).ofType(Message.Type.chat).setBody(body)
                .addExtension(StandardExtensionElement.builder("request", NS_RECEIPTS).build()).build();
    }

    /** The id a receipt acknowledges, or null for any other stanza. */
    private static String receivedId(Stanza stanza) {
        var received = stanza.getExtensionElement(DeliveryReceipt.ELEMENT, DeliveryReceipt.NAMESPACE);
        return stanza instanceof Message && received instanceof DeliveryReceipt
                ? ((DeliveryReceipt) received).getId() : null;
    }

    @TestTemplate
    void aLineTakenIntoTheChatIsReceiptedAndARefusedOneIsNot(TestServer server) throws Exception {
        try (Party agent = server.connect("agent3");
                Party contact = server.connectPlain("contact1");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3))) {
            agent.ready(1);
            contact.send(lineAskingReceipt("first-1", "hello"));
            Message receipt = (Message) contact.awaitStanza(s -> "first-1".equals(receivedId(s)));
            assertThat(receipt.getFrom().toString()).isEqualTo(SUPPORT);
            assertThat(receipt.getBody()).isNull();
            String room = Party.attr(agent.awaitElement("offer"), "offer", "room");
            agent.join(room, "Agent 3");
            contact.awaitBody("has joined the chat");

            contact.send(lineAskingReceipt("second-2", "my order is 4711"));
            agent.awaitBody("my order is 4711");
            contact.awaitStanza(s -> "second-2".equals(receivedId(s)));

            contact.send(lineAskingReceipt("too-long", "x".repeat(10_001)));
            Message refused = contact.awaitMessage(m -> m.getType() == Message.Type.error
                    && "too-long".equals(m.getStanzaId()));
            assertThat(refused.getError().getCondition()).isEqualTo(StanzaError.Condition.not_acceptable);

            String longId = "i".repeat(65);
            contact.send(lineAskingReceipt(longId, "an id past the bound"));
            agent.awaitBody("an id past the bound");
            contact.send(StanzaBuilder.buildMessage("no-request").to(Party.jid(SUPPORT)).ofType(Message.Type.chat)
                    .setBody("no receipt asked").build());
            agent.awaitBody("no receipt asked");
            contact.barrier();
            assertThat(contact.received()).extracting(ReceiptsTest::receivedId)
                    .filteredOn(id -> id != null).containsExactly("first-1", "second-2");
        }
    }
}
