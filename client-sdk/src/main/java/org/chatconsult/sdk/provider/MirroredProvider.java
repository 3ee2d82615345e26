package org.chatconsult.sdk.provider;

import org.chatconsult.sdk.packet.MirroredExtension;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.xml.XmlPullParser;

/** Parses {@code <mirrored xmlns='urn:chatconsult:0'/>}. */
public final class MirroredProvider extends ExtensionElementProvider<MirroredExtension> {
    @Override
    public MirroredExtension parse(XmlPullParser parser, int initialDepth, XmlEnvironment environment)
            throws SmackParsingException {
        String seq = OfferProvider.required(parser, "seq");
        try {
            return new MirroredExtension(parser.getAttributeValue("consultation"),
                    parser.getAttributeValue("supervision"), parser.getAttributeValue("interaction"),
                    Long.parseLong(seq), parser.getAttributeValue("from"), parser.getAttributeValue("role"),
                    OfferProvider.instant(parser.getAttributeValue("time")));
        } catch (NumberFormatException e) {
            throw new SmackParsingException("invalid seq " + seq);
        }
    }
}
