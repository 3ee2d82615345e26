package org.chatconsult.sdk.packet;

import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StandardExtensionElement;

/**
 * A result from the service whose payload (a {@code <consultation/>}, {@code <party/>}, {@code <transcript/>}, …)
 * the managers read into their own types.
 *
 * <pre>{@code
 * ResultIQ result = connection.sendIqRequestAndWaitForResponse(request);
 * String room = result.getPayload().getAttributeValue("room");
 * }</pre>
 */
public final class ResultIQ extends IQ {
    private final StandardExtensionElement payload;

    public ResultIQ(StandardExtensionElement payload) {
        super(payload.getElementName(), payload.getNamespace());
        this.payload = payload;
    }

    public StandardExtensionElement getPayload() {
        return payload;
    }

    /** The payload's children of this name, in order; empty when there are none. */
    public java.util.List<StandardExtensionElement> getItems(String name) {
        java.util.List<StandardExtensionElement> items = payload.getElements(name);
        return items == null ? java.util.Collections.emptyList() : items;
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        payload.getAttributes().forEach(xml::attribute);
        xml.rightAngleBracket();
        for (var element : payload.getElements()) {
            xml.append(element.toXML());
        }
        if (payload.getText() != null) {
            xml.escape(payload.getText());
        }
        return xml;
    }
}
