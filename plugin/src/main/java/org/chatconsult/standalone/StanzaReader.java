package org.chatconsult.standalone;

import java.util.ArrayDeque;
import java.util.Deque;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.chatconsult.xmpp.edge.StanzaBudget;
import org.chatconsult.xmpp.edge.Violation;
import org.dom4j.DocumentFactory;
import org.dom4j.Element;
import org.dom4j.Namespace;
import org.dom4j.QName;

/**
 * Reads the stanzas of an XML stream (RFC 6120 §4) into dom4j trees without recursion, charging each to a
 * {@link StanzaBudget}: a stanza past a bound is read to its end without keeping anything more, and comes out
 * as its bare start tag with the violation, so the stream goes on and the sender can be told.
 */
final class StanzaReader {
    private static final String NS_ACCEPT = "jabber:component:accept";

    /** One stanza: whole, or (with a violation) only its start tag's attributes. */
    record Stanza(Element element, Violation violation) {
    }

    private StanzaReader() {
    }

    static XMLStreamReader parser(java.io.InputStream in) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        // Text in the parser's own chunks: a huge text is counted piece by piece, not gathered first.
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        // The JDK parser's own name and attribute-count limits would end the whole stream; the budget bounds
        // those stanzas instead, and only them. (0 would mean "none allowed" for names, not "no limit".)
        for (String limit : new String[] {"jdk.xml.maxXMLNameLimit", "jdk.xml.elementAttributeLimit"}) {
            try {
                factory.setProperty(limit, String.valueOf(Integer.MAX_VALUE));
            } catch (IllegalArgumentException unsupported) {
                // another StAX implementation: its own limits apply
            }
        }
        return factory.createXMLStreamReader(in, "UTF-8");
    }

    /** Advances to the next start tag (or the end of the stream) at the current level. */
    static int nextElement(XMLStreamReader xml) throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT || event == XMLStreamConstants.END_ELEMENT) {
                return event;
            }
        }
        return XMLStreamConstants.END_DOCUMENT;
    }

    /** Reads the element whose start tag is current, to its end tag (the stream's own namespace dropped). */
    static Stanza read(XMLStreamReader xml) throws XMLStreamException {
        StanzaBudget budget = new StanzaBudget();
        Deque<Element> open = new ArrayDeque<>();
        Element root = null;
        Violation violation = null;
        int depth = 0;
        while (true) {
            int event = depth == 0 ? XMLStreamConstants.START_ELEMENT : xml.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT: {
                    depth++;
                    if (root == null) {
                        // The stanza's own start tag is kept whole: its attributes address the answer.
                        root = start(xml);
                        open.push(root);
                        violation = charge(xml, budget, depth);
                    } else if (violation == null) {
                        violation = charge(xml, budget, depth);
                        if (violation == null) {
                            Element element = start(xml);
                            open.peek().add(element);
                            open.push(element);
                        }
                    }
                    break;
                }
                case XMLStreamConstants.CHARACTERS:
                case XMLStreamConstants.CDATA:
                case XMLStreamConstants.SPACE:
                    if (violation == null) {
                        violation = budget.text(xml.getTextLength());
                        if (violation == null) {
                            open.peek().addText(xml.getText());
                        }
                    }
                    break;
                case XMLStreamConstants.END_ELEMENT:
                    depth--;
                    if (violation == null) {
                        open.pop();
                    }
                    if (depth == 0) {
                        return new Stanza(violation == null ? root : bare(root), violation);
                    }
                    break;
                case XMLStreamConstants.END_DOCUMENT:
                    throw new XMLStreamException("stream ended inside an element");
                default:
                    break;
            }
        }
    }

    /** Charges the current start tag, its name and its attributes, to the budget. */
    private static Violation charge(XMLStreamReader xml, StanzaBudget budget, int depth) {
        Violation violation = budget.element(depth, xml.getLocalName());
        for (int i = 0; violation == null && i < xml.getAttributeCount(); i++) {
            violation = budget.attribute(xml.getAttributeLocalName(i), xml.getAttributeValue(i));
        }
        return violation;
    }

    /** A new element for the current start tag, with its namespaces and attributes. */
    private static Element start(XMLStreamReader xml) {
        Element element = DocumentFactory.getInstance().createElement(qname(xml));
        for (int i = 0; i < xml.getNamespaceCount(); i++) {
            String prefix = xml.getNamespacePrefix(i);
            if (prefix != null && !prefix.isEmpty()) {
                element.add(Namespace.get(prefix, xml.getNamespaceURI(i)));
            }
        }
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            String prefix = xml.getAttributePrefix(i);
            String local = xml.getAttributeLocalName(i);
            QName name = prefix == null || prefix.isEmpty() ? QName.get(local)
                    : QName.get(local, prefix, xml.getAttributeNamespace(i));
            element.addAttribute(name, xml.getAttributeValue(i));
        }
        return element;
    }

    /** The stanza's start tag alone: what answering it needs, none of what it carried. */
    private static Element bare(Element root) {
        Element bare = DocumentFactory.getInstance().createElement(root.getQName());
        for (int i = 0; i < root.attributeCount(); i++) {
            bare.addAttribute(root.attribute(i).getQName(), root.attribute(i).getValue());
        }
        return bare;
    }

    private static QName qname(XMLStreamReader xml) {
        String uri = xml.getNamespaceURI();
        if (uri == null || uri.isEmpty() || NS_ACCEPT.equals(uri)) {
            return QName.get(xml.getLocalName());
        }
        String prefix = xml.getPrefix();
        return QName.get(xml.getLocalName(), prefix == null ? "" : prefix, uri);
    }
}
