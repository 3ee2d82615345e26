package org.chatconsult.xmpp;

import org.chatconsult.protocol.Wire;
import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;

/** Namespaces and element names of the wire protocol (docs/protocol.md). */
public final class Protocol {
    /** Our own extension namespace: offers, revocations, queue notices, agent state, agent commands. */
    public static final String NS = Wire.NS;
    public static final String NS_MUC = "http://jabber.org/protocol/muc";
    public static final String NS_MUC_USER = "http://jabber.org/protocol/muc#user";
    public static final String NS_MUC_ADMIN = "http://jabber.org/protocol/muc#admin";
    public static final String NS_MUC_OWNER = "http://jabber.org/protocol/muc#owner";
    public static final String NS_MUC_ROOMCONFIG = "http://jabber.org/protocol/muc#roomconfig";
    /** XEP-0249 direct invitation: lets any client join the offered room with a click. */
    public static final String NS_CONFERENCE = "jabber:x:conference";
    /** XEP-0085 chat states; {@code <gone/>} from a contact ends its chat. */
    public static final String NS_CHATSTATES = "http://jabber.org/protocol/chatstates";
    /** XEP-0172 User Nickname. */
    public static final String NS_NICK = "http://jabber.org/protocol/nick";
    /** XEP-0203 delayed delivery, stamped on MUC history. */
    public static final String NS_DELAY = "urn:xmpp:delay";
    public static final String NS_DISCO_INFO = "http://jabber.org/protocol/disco#info";
    public static final String NS_DISCO_ITEMS = "http://jabber.org/protocol/disco#items";
    public static final String NS_PING = "urn:xmpp:ping";
    /** XEP-0184 message delivery receipts. */
    public static final String NS_RECEIPTS = "urn:xmpp:receipts";
    public static final String NS_STANZAS = "urn:ietf:params:xml:ns:xmpp-stanzas";
    /** XEP-0359 unique and stable stanza ids. */
    public static final String NS_SID = "urn:xmpp:sid:0";

    private Protocol() {
    }

    /**
     * Gives a line the service says on someone's behalf an id that stays the same however often it is said (a
     * restart may say it again): as its id attribute and as a XEP-0359 origin-id, by which clients drop a repeat.
     */
    public static void stableId(org.xmpp.packet.Message message, String id) {
        message.setID(id);
        message.addChildElement("origin-id", NS_SID).addAttribute("id", id);
    }

    /** A detached element in our namespace, ready to be added to a stanza. */
    public static Element element(String name) {
        return DocumentHelper.createElement(QName.get(name, NS));
    }
}
