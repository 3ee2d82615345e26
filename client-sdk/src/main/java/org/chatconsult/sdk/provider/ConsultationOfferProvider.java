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
        String id = OfferProvider.required(parser, "id");
        String consultation = OfferProvider.required(parser, "consultation");
        String interaction = OfferProvider.required(parser, "interaction");
        var room = OfferProvider.jid(OfferProvider.required(parser, "room"));
        var expires = OfferProvider.instant(parser.getAttributeValue("expires"));
        PreviewParser preview = new PreviewParser().read(parser, initialDepth);
        return new ConsultationOfferExtension(id, consultation, interaction, room, expires, preview.initiator,
                preview.initiatorName, preview.preview());
    }
}
