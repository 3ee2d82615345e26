package org.chatconsult.sdk.provider;

import org.chatconsult.sdk.packet.EndedExtension;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.xml.XmlPullParser;

/** Parses {@code <ended xmlns='urn:chatconsult:0'/>}. */
public final class EndedProvider extends ExtensionElementProvider<EndedExtension> {
    @Override
    public EndedExtension parse(XmlPullParser parser, int initialDepth, XmlEnvironment environment) {
        return new EndedExtension(parser.getAttributeValue("interaction"), parser.getAttributeValue("reason"));
    }
}
