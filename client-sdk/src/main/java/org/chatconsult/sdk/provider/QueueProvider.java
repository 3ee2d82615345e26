package org.chatconsult.sdk.provider;

import org.chatconsult.sdk.packet.QueueExtension;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.xml.XmlPullParser;

/** Parses {@code <queue xmlns='urn:chatconsult:0'/>}. */
public final class QueueProvider extends ExtensionElementProvider<QueueExtension> {
    @Override
    public QueueExtension parse(XmlPullParser parser, int initialDepth, XmlEnvironment environment)
            throws SmackParsingException {
        try {
            String wait = parser.getAttributeValue("wait");
            return new QueueExtension(parser.getAttributeValue("interaction"),
                    Integer.parseInt(parser.getAttributeValue("position")), wait == null ? null : Long.valueOf(wait));
        } catch (NumberFormatException e) {
            throw new SmackParsingException("invalid value: " + e.getMessage());
        }
    }
}
