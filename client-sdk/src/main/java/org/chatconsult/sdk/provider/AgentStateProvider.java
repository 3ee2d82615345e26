package org.chatconsult.sdk.provider;

import org.chatconsult.sdk.packet.AgentStateExtension;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.xml.XmlPullParser;

/** Parses {@code <agent xmlns='urn:chatconsult:0'/>}. */
public final class AgentStateProvider extends ExtensionElementProvider<AgentStateExtension> {
    @Override
    public AgentStateExtension parse(XmlPullParser parser, int initialDepth, XmlEnvironment environment)
            throws SmackParsingException {
        return new AgentStateExtension(parser.getAttributeValue("readiness"),
                number(parser.getAttributeValue("capacity")), number(parser.getAttributeValue("load")));
    }

    private static Integer number(String value) throws SmackParsingException {
        try {
            return value == null ? null : Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new SmackParsingException("invalid value: " + e.getMessage());
        }
    }
}
