package org.chatconsult.sdk.provider;

import java.io.IOException;
import java.time.Instant;

import org.chatconsult.sdk.packet.OfferExtension;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;

/** Parses {@code <offer xmlns='urn:chatconsult:0'/>}. */
public final class OfferProvider extends ExtensionElementProvider<OfferExtension> {
    @Override
    public OfferExtension parse(XmlPullParser parser, int initialDepth, XmlEnvironment environment)
            throws XmlPullParserException, IOException, SmackParsingException {
        String id = required(parser, "id");
        String interaction = required(parser, "interaction");
        EntityBareJid room = jid(required(parser, "room"));
        Instant expires = instant(parser.getAttributeValue("expires"));
        EntityBareJid contact = null;
        String contactName = null;
        EntityBareJid routingPoint = null;
        String routingPointName = null;
        Instant started = null;
        String preview = null;
        while (true) {
            XmlPullParser.Event event = parser.next();
            if (event == XmlPullParser.Event.END_ELEMENT && parser.getDepth() == initialDepth) {
                break;
            }
            if (event != XmlPullParser.Event.START_ELEMENT) {
                continue;
            }
            switch (parser.getName()) {
                case "contact":
                    contact = jid(parser.getAttributeValue("jid"));
                    contactName = parser.getAttributeValue("name");
                    break;
                case "routing-point":
                    routingPoint = jid(parser.getAttributeValue("jid"));
                    routingPointName = parser.getAttributeValue("name");
                    break;
                case "started":
                    started = instant(parser.nextText());
                    break;
                case "preview":
                    preview = parser.nextText();
                    break;
                default:
                    break;
            }
        }
        return new OfferExtension(id, interaction, room, expires, contact, contactName, routingPoint,
                routingPointName, started, preview);
    }

    static String required(XmlPullParser parser, String attribute)
            throws SmackParsingException.RequiredAttributeMissingException {
        String value = parser.getAttributeValue(attribute);
        if (value == null) {
            throw new SmackParsingException.RequiredAttributeMissingException(attribute);
        }
        return value;
    }

    static EntityBareJid jid(String value) throws SmackParsingException {
        if (value == null) {
            return null;
        }
        try {
            return JidCreate.entityBareFrom(value);
        } catch (XmppStringprepException e) {
            throw new SmackParsingException("invalid value: " + e.getMessage());
        }
    }

    static Instant instant(String value) throws SmackParsingException {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new SmackParsingException("invalid value: " + e.getMessage());
        }
    }
}
