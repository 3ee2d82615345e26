package org.chatconsult.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.chatconsult.sdk.packet.AgentCommandIQ;
import org.chatconsult.sdk.packet.AgentStateExtension;
import org.chatconsult.sdk.packet.EndedExtension;
import org.chatconsult.sdk.packet.OfferExtension;
import org.chatconsult.sdk.packet.QueueExtension;
import org.chatconsult.sdk.packet.RevokedExtension;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/** The SDK reads and writes the XML of docs/protocol.md. */
class ProtocolElementsTest {
    @BeforeAll
    static void loadProviders() throws ClassNotFoundException {
        Class.forName(AgentManager.class.getName()); // registers the parsers
    }

    private static Message message(String xml) throws Exception {
        return PacketParserUtils.parseStanza(xml);
    }

    @Test
    void offerRoundTrip() throws Exception {
        String xml = "<message from='sales@consult.example.com' to='alice@example.com/desk'>"
                + "<offer xmlns='urn:chatconsult:0' id='p7c2m9x4r8tb' interaction='k3v9q2xw7hmp'"
                + " room='k3v9q2xw7hmp@conference.example.com' expires='2026-11-27T16:40:56Z'>"
                + "<contact jid='carol@example.com' name='carol'/>"
                + "<routing-point jid='sales@consult.example.com' name='Sales'/>"
                + "<started>2026-11-27T16:40:26.016Z</started>"
                + "<preview>Hi, my parcel is late</preview></offer>"
                + "<x xmlns='jabber:x:conference' jid='k3v9q2xw7hmp@conference.example.com'/></message>";
        OfferExtension offer = OfferExtension.from(message(xml));
        assertThat(offer.getId()).isEqualTo("p7c2m9x4r8tb");
        assertThat(offer.getInteraction()).isEqualTo("k3v9q2xw7hmp");
        assertThat(offer.getRoom().toString()).isEqualTo("k3v9q2xw7hmp@conference.example.com");
        assertThat(offer.getExpires()).isEqualTo(Instant.parse("2026-11-27T16:40:56Z"));
        assertThat(offer.getContact().toString()).isEqualTo("carol@example.com");
        assertThat(offer.getContactName()).isEqualTo("carol");
        assertThat(offer.getRoutingPoint().toString()).isEqualTo("sales@consult.example.com");
        assertThat(offer.getRoutingPointName()).isEqualTo("Sales");
        assertThat(offer.getStarted()).isEqualTo(Instant.parse("2026-11-27T16:40:26.016Z"));
        assertThat(offer.getPreview()).isEqualTo("Hi, my parcel is late");

        OfferExtension again = OfferExtension.from(message("<message>" + offer.toXML() + "</message>"));
        assertThat(again).usingRecursiveComparison().isEqualTo(offer);
    }

    @Test
    void noticesRoundTrip() throws Exception {
        Message revoked = message("<message><revoked xmlns='urn:chatconsult:0' offer='p7' interaction='k3'"
                + " consultation='t8' reason='taken'/></message>");
        assertThat(revoked.getExtension(RevokedExtension.class))
                .extracting("offer", "interaction", "consultation", "handover", "reason")
                .containsExactly("p7", "k3", "t8", null, "taken");
        Message queue = message("<message><queue xmlns='urn:chatconsult:0' interaction='k3' position='2'/></message>");
        assertThat(queue.getExtension(QueueExtension.class).getPosition()).isEqualTo(2);
        Message ended = message("<message><ended xmlns='urn:chatconsult:0' interaction='k3' reason='agent-ended'/>"
                + "</message>");
        assertThat(ended.getExtension(EndedExtension.class).getReason()).isEqualTo("agent-ended");
        for (Message m : new Message[] {revoked, queue, ended}) {
            assertThat(message(m.toXML().toString()).getExtensions()).hasSize(1);
        }
    }

    @Test
    void agentStateRoundTrip() throws Exception {
        Presence presence = PacketParserUtils.parseStanza("<presence from='consult.example.com'>"
                + "<agent xmlns='urn:chatconsult:0' readiness='ready' capacity='2' load='1'/></presence>");
        AgentStateExtension state = presence.getExtension(AgentStateExtension.class);
        assertThat(state).extracting("readiness", "capacity", "load").containsExactly("ready", 2, 1);
        assertThat(AgentStateExtension.capacity(3).toXML().toString())
                .isEqualTo("<agent xmlns='urn:chatconsult:0' capacity='3'/>");
    }

    @Test
    void commandsAreWrittenAsDocumented() throws Exception {
        var service = JidCreate.domainBareFrom("consult.example.com");
        assertThat(AgentCommandIQ.decline(service, "p7", null).getChildElementXML().toString())
                .isEqualTo("<decline xmlns='urn:chatconsult:0' offer='p7'/>");
        assertThat(AgentCommandIQ.decline(service, "p7", "busy").getChildElementXML().toString())
                .isEqualTo("<decline xmlns='urn:chatconsult:0' offer='p7'><reason>busy</reason></decline>");
        assertThat(AgentCommandIQ.end(service, "k3").getChildElementXML().toString())
                .isEqualTo("<end xmlns='urn:chatconsult:0' interaction='k3'/>");
    }
}
