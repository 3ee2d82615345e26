package org.chatconsult.sdk.provider;

import java.io.IOException;

import org.chatconsult.sdk.packet.HandoverOfferExtension;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/** Parses {@code <handover-offer xmlns='urn:chatconsult:0'/>}. */
public final class HandoverOfferProvider extends ExtensionElementProvider<HandoverOfferExtension> {
    @Override
    public HandoverOfferExtension parse(XmlPullParser parser, int initialDepth, XmlEnvironment environment)
            throws XmlPullParserException, IOException, SmackParsingException {
        String handover = OfferProvider.required(parser, "handover");
        String kind = OfferProvider.required(parser, "kind");
        OfferParser offer = new OfferParser(parser).read(parser, initialDepth);
        return new HandoverOfferExtension(offer.id, handover, kind, offer.interaction, offer.room, offer.expires,
                offer.initiator, offer.initiatorName, offer.preview());
    }
}
