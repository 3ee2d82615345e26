package org.chatconsult.sdk.provider;

import org.chatconsult.sdk.packet.RevokedExtension;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.xml.XmlPullParser;

/** Parses {@code <revoked xmlns='urn:chatconsult:0'/>}. */
public final class RevokedProvider extends ExtensionElementProvider<RevokedExtension> {
    @Override
    public RevokedExtension parse(XmlPullParser parser, int initialDepth, XmlEnvironment environment) {
        return new RevokedExtension(parser.getAttributeValue("offer"), parser.getAttributeValue("interaction"),
                parser.getAttributeValue("consultation"), parser.getAttributeValue("handover"),
                parser.getAttributeValue("reason"));
    }
}
