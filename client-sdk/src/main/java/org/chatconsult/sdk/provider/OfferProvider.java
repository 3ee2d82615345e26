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

/** Parses {@code <offer xmlns='urn:chatconsult:0'/>}; its helpers read required attributes, addresses and times for every provider. */
public final class OfferProvider extends ExtensionElementProvider<OfferExtension> {
    @Override
    public OfferExtension parse(XmlPullParser parser, int initialDepth, XmlEnvironment environment)
            throws XmlPullParserException, IOException, SmackParsingException {
        OfferParser offer = new OfferParser(parser).read(parser, initialDepth);
        return new OfferExtension(offer.id, offer.interaction, offer.room, offer.expires, offer.contact,
                offer.contactName, offer.routingPoint, offer.routingPointName, offer.started, offer.firstLine);
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
