package org.chatconsult.xmpp.edge;

import static org.assertj.core.api.Assertions.assertThat;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.junit.jupiter.api.Test;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError;

class StanzaGuardTest {
    private static Element iq(String type) {
        Element iq = DocumentHelper.createElement("iq");
        iq.addAttribute("type", type).addAttribute("id", "q1").addAttribute("from", "carol@example.com/web")
                .addAttribute("to", "consult.example.com");
        return iq;
    }

    private static Element request() {
        Element iq = iq("set");
        iq.addElement("end", "urn:chatconsult:0").addAttribute("interaction", "abc");
        return iq;
    }

    @Test
    void passesAnOrdinaryRequest() {
        assertThat(StanzaGuard.check(request())).isNull();
    }

    @Test
    void refusesDeepNestingWithoutRecursing() {
        for (int depth : new int[] {Limits.MAX_DEPTH + 1, 5_000, 200_000}) {
            Element iq = iq("set");
            Element inner = iq.addElement("query", "urn:example");
            for (int i = 2; i < depth; i++) {
                inner = inner.addElement("x");
            }
            Violation violation = StanzaGuard.check(iq);
            assertThat(violation).as("depth %d", depth).isNotNull();
            assertThat(violation.condition()).isEqualTo(PacketError.Condition.not_acceptable);
            assertThat(violation.text()).contains("deeper than " + Limits.MAX_DEPTH);
        }
        Element iq = iq("set");
        Element inner = iq.addElement("query", "urn:example");
        for (int i = 2; i < Limits.MAX_DEPTH; i++) {
            inner = inner.addElement("x");
        }
        assertThat(StanzaGuard.check(iq)).as("exactly at the limit").isNull();
    }

    @Test
    void refusesOversizedAttributesTextsAndElementCounts() {
        Element attribute = request();
        attribute.element("end").addAttribute("interaction", "x".repeat(1_000_000));
        assertThat(StanzaGuard.check(attribute).text()).isEqualTo("the attribute 'interaction' is longer than "
                + Limits.MAX_ATTRIBUTE + " characters");

        Element oddName = request();
        oddName.element("end").addAttribute("a".repeat(300), "x".repeat(5_000));
        assertThat(StanzaGuard.check(oddName).text()).startsWith("an attribute is longer");

        Element text = DocumentHelper.createElement("message");
        text.addAttribute("from", "carol@example.com/web").addAttribute("to", "sales@consult.example.com");
        text.addElement("body").setText("y".repeat(Limits.MAX_STANZA_CHARS + 1));
        assertThat(StanzaGuard.check(text).text()).contains("larger than");

        Element many = iq("set");
        Element query = many.addElement("query", "urn:example");
        for (int i = 0; i < Limits.MAX_ELEMENTS; i++) {
            query.addElement("item");
        }
        assertThat(StanzaGuard.check(many).text()).contains("more than " + Limits.MAX_ELEMENTS + " elements");
    }

    @Test
    void refusesUnknownTypesMalformedAddressesAndRequestsWithoutOnePayload() {
        Element message = DocumentHelper.createElement("message");
        message.addAttribute("type", "shout").addAttribute("from", "carol@example.com");
        assertThat(StanzaGuard.check(message).condition()).isEqualTo(PacketError.Condition.bad_request);

        Element noType = DocumentHelper.createElement("iq");
        noType.addElement("ping", "urn:xmpp:ping");
        assertThat(StanzaGuard.check(noType).condition()).isEqualTo(PacketError.Condition.bad_request);

        Element badFrom = request();
        badFrom.addAttribute("from", "###@@@/");
        assertThat(StanzaGuard.check(badFrom).condition()).isEqualTo(PacketError.Condition.jid_malformed);

        Element two = request();
        two.addElement("ping", "urn:xmpp:ping");
        assertThat(StanzaGuard.check(two).text()).contains("exactly one child element");
        assertThat(StanzaGuard.check(iq("get")).text()).contains("exactly one child element");
        assertThat(StanzaGuard.check(iq("result"))).isNull();

        Element presence = DocumentHelper.createElement("presence");
        presence.addAttribute("type", "available");
        assertThat(StanzaGuard.check(presence)).isNotNull(); // available is the absence of a type (RFC 6121 §4.7.1)
    }

    @Test
    void theRefusalAddressesTheSenderAndCarriesNoneOfThePayload() {
        Element big = request();
        big.element("end").addAttribute("interaction", "SECRET".repeat(200_000));
        Packet reply = StanzaGuard.refusal(big, StanzaGuard.check(big));
        assertThat(reply.getID()).isEqualTo("q1");
        assertThat(reply.getTo().toString()).isEqualTo("carol@example.com/web");
        assertThat(reply.getFrom().toString()).isEqualTo("consult.example.com");
        assertThat(reply.getError().getCondition()).isEqualTo(PacketError.Condition.not_acceptable);
        assertThat(reply.toXML()).doesNotContain("SECRET").hasSizeLessThan(600);

        Element error = iq("error");
        assertThat(StanzaGuard.refusal(error, Violation.malformed("x"))).isNull();
        assertThat(StanzaGuard.refusal(iq("result"), Violation.malformed("x"))).isNull();
        Element unknown = DocumentHelper.createElement("message");
        unknown.addAttribute("type", "shout").addAttribute("id", "m1").addAttribute("from", "carol@example.com");
        assertThat(StanzaGuard.refusal(unknown, StanzaGuard.check(unknown)).toXML()).contains("type=\"error\"");
    }
}
