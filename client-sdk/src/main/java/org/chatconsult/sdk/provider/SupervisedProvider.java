package org.chatconsult.sdk.provider;

import org.chatconsult.sdk.packet.SupervisedExtension;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.xml.XmlPullParser;

/** Parses {@code <supervised xmlns='urn:chatconsult:0'/>}. */
public final class SupervisedProvider extends ExtensionElementProvider<SupervisedExtension> {
    @Override
    public SupervisedExtension parse(XmlPullParser parser, int initialDepth, XmlEnvironment environment)
            throws SmackParsingException {
        return new SupervisedExtension(parser.getAttributeValue("supervision"), parser.getAttributeValue("interaction"),
                OfferProvider.jid(parser.getAttributeValue("supervisor")), parser.getAttributeValue("name"),
                parser.getAttributeValue("action"), OfferProvider.jid(parser.getAttributeValue("room")));
    }
}
