package org.chatconsult.sdk.provider;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.chatconsult.sdk.packet.Preview;
import org.chatconsult.sdk.packet.TranscriptLine;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;
import org.jxmpp.jid.EntityBareJid;

/**
 * Reads what every offer shares: its attributes (id, interaction, room, expires) and the children that show the
 * chat (contact, routing point, started, and as the offer has them: initiator, lines, the first line's text).
 */
final class OfferParser {
    final String id;
    final String interaction;
    final EntityBareJid room;
    final Instant expires;
    EntityBareJid initiator;
    String initiatorName;
    EntityBareJid contact;
    String contactName;
    EntityBareJid routingPoint;
    String routingPointName;
    Instant started;
    String firstLine;
    private final List<TranscriptLine> lines = new ArrayList<>();

    /** Reads the attributes, the parser on the offer's start tag; {@link #read} reads the rest. */
    OfferParser(XmlPullParser parser) throws SmackParsingException {
        id = OfferProvider.required(parser, "id");
        interaction = OfferProvider.required(parser, "interaction");
        room = OfferProvider.jid(OfferProvider.required(parser, "room"));
        expires = OfferProvider.instant(parser.getAttributeValue("expires"));
    }

    /** Reads up to the end of the offer element at {@code initialDepth}. */
    OfferParser read(XmlPullParser parser, int initialDepth)
            throws XmlPullParserException, IOException, SmackParsingException {
        while (true) {
            XmlPullParser.Event event = parser.next();
            if (event == XmlPullParser.Event.END_ELEMENT && parser.getDepth() == initialDepth) {
                return this;
            }
            if (event != XmlPullParser.Event.START_ELEMENT) {
                continue;
            }
            switch (parser.getName()) {
                case "initiator":
                    initiator = OfferProvider.jid(parser.getAttributeValue("jid"));
                    initiatorName = parser.getAttributeValue("name");
                    break;
                case "contact":
                    contact = OfferProvider.jid(parser.getAttributeValue("jid"));
                    contactName = parser.getAttributeValue("name");
                    break;
                case "routing-point":
                    routingPoint = OfferProvider.jid(parser.getAttributeValue("jid"));
                    routingPointName = parser.getAttributeValue("name");
                    break;
                case "started":
                    started = OfferProvider.instant(parser.nextText());
                    break;
                case "line":
                    lines.add(line(parser));
                    break;
                case "preview":
                    firstLine = parser.nextText();
                    break;
                default:
                    break;
            }
        }
    }

    Preview preview() {
        return new Preview(contact, contactName, routingPoint, routingPointName, started, lines);
    }

    /** A {@code <line seq='' from='' role='' time=''>text</line>}, the parser on its start tag. */
    static TranscriptLine line(XmlPullParser parser) throws XmlPullParserException, IOException, SmackParsingException {
        String seq = parser.getAttributeValue("seq");
        String from = parser.getAttributeValue("from");
        String role = parser.getAttributeValue("role");
        Instant time = OfferProvider.instant(parser.getAttributeValue("time"));
        try {
            return new TranscriptLine(seq == null ? 0 : Long.parseLong(seq), from, role, time, parser.nextText());
        } catch (NumberFormatException e) {
            throw new SmackParsingException("invalid seq " + seq);
        }
    }
}
