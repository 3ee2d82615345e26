package org.chatconsult.sdk.provider;

import java.io.IOException;

import org.chatconsult.sdk.packet.ConsultationOfferExtension;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/** Parses {@code <consultation-offer xmlns='urn:chatconsult:0'/>}. */
public final class ConsultationOfferProvider extends ExtensionElementProvider<ConsultationOfferExtension> {
    @Override
    public ConsultationOfferExtension parse(XmlPullParser parser, int initialDepth, XmlEnvironment environment)
            throws XmlPullParserException, IOException, SmackParsingException {
        String consultation = OfferProvider.required(parser, "consultation");
        OfferParser offer = new OfferParser(parser).read(parser, initialDepth);
        return new ConsultationOfferExtension(offer.id, consultation, offer.interaction, offer.room, offer.expires,
                offer.initiator, offer.initiatorName, offer.preview());
    }
}
