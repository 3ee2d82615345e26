package org.chatconsult.sdk.provider;

import org.chatconsult.sdk.packet.NoticeExtension;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.xml.XmlPullParser;

/** Parses the consultation and handover notices ({@code consultation-ended} and its siblings) and {@code joined}. */
public final class NoticeProvider extends ExtensionElementProvider<NoticeExtension> {
    @Override
    public NoticeExtension parse(XmlPullParser parser, int initialDepth, XmlEnvironment environment) {
        return new NoticeExtension(parser.getName(), parser.getAttributeValue("consultation"),
                parser.getAttributeValue("handover"), parser.getAttributeValue("kind"),
                parser.getAttributeValue("interaction"), parser.getAttributeValue("reason"),
                parser.getAttributeValue("target"), parser.getAttributeValue("name"));
    }
}
