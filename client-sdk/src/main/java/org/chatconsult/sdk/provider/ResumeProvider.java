package org.chatconsult.sdk.provider;

import org.chatconsult.sdk.packet.ResumeExtension;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.xml.XmlPullParser;

/** Parses {@code <resume xmlns='urn:chatconsult:0'/>}. */
public final class ResumeProvider extends ExtensionElementProvider<ResumeExtension> {
    @Override
    public ResumeExtension parse(XmlPullParser parser, int initialDepth, XmlEnvironment environment) {
        return new ResumeExtension(parser.getAttributeValue("interaction"), parser.getAttributeValue("token"));
    }
}
