package org.chatconsult.sdk.provider;

import java.io.IOException;

import org.chatconsult.sdk.packet.ResultIQ;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.parsing.StandardExtensionElementProvider;
import org.jivesoftware.smack.provider.IQProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/** Reads the service's IQ results into a {@link ResultIQ}. */
public final class ResultIQProvider extends IQProvider<ResultIQ> {
    @Override
    public ResultIQ parse(XmlPullParser parser, int initialDepth, XmlEnvironment environment)
            throws XmlPullParserException, IOException, SmackParsingException {
        return new ResultIQ(StandardExtensionElementProvider.INSTANCE.parse(parser, initialDepth, environment));
    }
}
