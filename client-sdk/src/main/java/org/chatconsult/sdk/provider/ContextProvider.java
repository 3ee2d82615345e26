package org.chatconsult.sdk.provider;

import org.chatconsult.sdk.packet.ContextExtension;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.xml.XmlPullParser;

/** Parses {@code <context xmlns='urn:chatconsult:0'/>}. */
public final class ContextProvider extends ExtensionElementProvider<ContextExtension> {
    @Override
    public ContextExtension parse(XmlPullParser parser, int initialDepth, XmlEnvironment environment) {
        return new ContextExtension(parser.getAttributeValue("interaction"), parser.getAttributeValue("consultation"));
    }
}
