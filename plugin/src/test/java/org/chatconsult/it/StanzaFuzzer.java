package org.chatconsult.it;

import java.util.List;
import java.util.Random;

/**
 * Generates hostile stanzas from a seed: every IQ and command of ours with every field wrong, missing, huge or
 * borrowed from someone else's chat; deep and wide trees; unknown types and namespaces; messages and presences
 * no client should send. Each is well-formed XML (a server would close the sender's stream otherwise) and at
 * most about 100 KB (under the servers' own stanza limits), so it reaches the service.
 */
final class StanzaFuzzer {
    /** One generated stanza; {@code request} when it is an IQ get or set, which must get exactly one answer. */
    record Fuzzed(String xml, String id, boolean request, String kind) {
    }

    private static final String NS = Party.NS;
    private static final List<String> COMMANDS = List.of("decline", "end", "conference", "transfer", "consult",
            "end-consultation", "done", "im", "call", "history", "transcript", "export", "favorites", "recent",
            "teleport");
    private static final List<String> ATTRIBUTES = List.of("interaction", "consultation", "offer", "target", "mode",
            "disposition", "format", "after", "jid");
    private static final List<String> NODES = List.of("consult", "end-consultation", "done", "statistics", "nope");
    private static final List<String> ACTIONS = List.of("execute", "complete", "cancel", "next", "prev", "explode");

    private final Random random;
    private final String service;
    private final List<String> liveIds;
    private final boolean unknownTypes;
    private long counter;

    /**
     * {@code liveIds}: ids of chats, consultations and offers that exist, to borrow as a wrong party would.
     * {@code unknownTypes}: whether to send IQs and messages of types no RFC defines; Openfire 5.1.1 closes the
     * sender's own stream for those (after passing the message on), so they are sent only where the server
     * keeps the sender connected.
     */
    StanzaFuzzer(long seed, String service, List<String> liveIds, boolean unknownTypes) {
        this.random = new Random(seed);
        this.service = service;
        this.liveIds = liveIds;
        this.unknownTypes = unknownTypes;
    }

    Fuzzed next() {
        String id = "fz" + (++counter);
        int pick = random.nextInt(100);
        if (pick < 35) {
            return ourCommand(id);
        } else if (pick < 47) {
            return adHoc(id);
        } else if (pick < 54) {
            return search(id);
        } else if (pick < 61) {
            return archive(id);
        } else if (pick < 66) {
            return standard(id);
        } else if (pick < 80) {
            return structural(id);
        } else if (pick < 94) {
            return message(id);
        }
        return presence(id);
    }

    // ---- values ---------------------------------------------------------------------------------------------

    private String value() {
        switch (random.nextInt(14)) {
            case 0: return "";
            case 1: return " ";
            case 2: return liveIds.get(random.nextInt(liveIds.size()));
            case 3: return liveIds.get(random.nextInt(liveIds.size())) + "x";
            case 4: return "###@@@";
            case 5: return "agent" + (1 + random.nextInt(4)) + "@localhost";
            case 6: return "sales@" + service;
            case 7: return "a".repeat(60 + random.nextInt(30));
            case 8: return "b".repeat(3_000 + random.nextInt(200));
            case 9: return "c".repeat(5_000 + random.nextInt(60_000));
            case 10: return String.valueOf(random.nextLong());
            case 11: return "\u00e9\u4e2d\ud83d\ude00&amp;&lt;&gt;&quot;";
            case 12: return "@" + service + "/../" + random.nextInt();
            default: return Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
        }
    }

    private String type() {
        int pick = random.nextInt(10);
        return pick < 5 ? "set" : pick < 9 || !unknownTypes ? "get" : "bogus";
    }

    private String to() {
        switch (random.nextInt(10)) {
            case 0: return "sales@" + service;
            case 1: return service + "/resource";
            case 2: return "nowhere@" + service;
            default: return service;
        }
    }

    private String attributes(int max) {
        StringBuilder xml = new StringBuilder();
        List<String> chosen = new java.util.ArrayList<>(ATTRIBUTES);
        java.util.Collections.shuffle(chosen, random);
        for (String name : chosen.subList(0, random.nextInt(Math.min(max, chosen.size()) + 1))) {
            xml.append(' ').append(name).append("='").append(value()).append('\'');
        }
        return xml.toString();
    }

    private String form(List<String> fields) {
        StringBuilder xml = new StringBuilder("<x xmlns='jabber:x:data' type='"
                + List.of("submit", "cancel", "form", "result").get(random.nextInt(4)) + "'>");
        for (String field : fields) {
            if (random.nextInt(3) > 0) {
                xml.append("<field var='").append(field).append("'>");
                for (int i = random.nextInt(3); i > 0; i--) {
                    xml.append("<value>").append(value()).append("</value>");
                }
                xml.append("</field>");
            }
        }
        return xml.append("</x>").toString();
    }

    private Fuzzed iq(String id, String type, String payload, String kind) {
        return new Fuzzed("<iq type='" + type + "' id='" + id + "' to='" + to() + "'>" + payload + "</iq>", id,
                type.equals("get") || type.equals("set"), kind);
    }

    // ---- kinds ----------------------------------------------------------------------------------------------

    private Fuzzed ourCommand(String id) {
        String command = COMMANDS.get(random.nextInt(COMMANDS.size()));
        String body = "";
        if (command.equals("done") && random.nextBoolean()) {
            body = "<note>" + value() + "</note>";
        } else if (command.equals("favorites") && random.nextBoolean()) {
            body = "<" + List.of("add", "remove", "drop").get(random.nextInt(3)) + attributes(2) + "/>";
        }
        return iq(id, type(), "<" + command + " xmlns='" + NS + "'" + attributes(4) + ">" + body + "</" + command + ">",
                "command " + command);
    }

    private Fuzzed adHoc(String id) {
        String node = random.nextInt(8) == 0 ? value() : NODES.get(random.nextInt(NODES.size()));
        String session = random.nextBoolean() ? " sessionid='" + value() + "'" : "";
        String form = random.nextBoolean() ? form(List.of("interaction", "consultation", "target", "disposition",
                "note")) : "";
        return iq(id, type(), "<command xmlns='http://jabber.org/protocol/commands' node='" + node + "' action='"
                + ACTIONS.get(random.nextInt(ACTIONS.size())) + "'" + session + ">" + form + "</command>", "ad-hoc");
    }

    private Fuzzed search(String id) {
        String payload = random.nextBoolean() ? form(List.of("text", "kind", "ready", "FORM_TYPE")) : "";
        return iq(id, type(), "<query xmlns='jabber:iq:search'>" + payload + "</query>", "search");
    }

    private Fuzzed archive(String id) {
        String set = random.nextBoolean() ? "<set xmlns='http://jabber.org/protocol/rsm'><max>" + value()
                + "</max>" + (random.nextBoolean() ? "<after>" + value() + "</after>" : "<before>" + value()
                + "</before>") + "</set>" : "";
        String queryId = random.nextBoolean() ? " queryid='" + value() + "'" : "";
        String name = random.nextInt(6) == 0 ? "fin" : "query";
        return iq(id, type(), "<" + name + " xmlns='urn:xmpp:mam:2'" + queryId + ">"
                + form(List.of("interaction", "start", "end", "FORM_TYPE")) + set + "</" + name + ">", "archive");
    }

    private Fuzzed standard(String id) {
        List<String> payloads = List.of("<query xmlns='http://jabber.org/protocol/disco#info'/>",
                "<query xmlns='http://jabber.org/protocol/disco#items' node='" + value() + "'/>",
                "<query xmlns='http://jabber.org/protocol/disco#items' node='http://jabber.org/protocol/commands'/>",
                "<ping xmlns='urn:xmpp:ping'/>", "<time xmlns='urn:xmpp:time'/>", "<query xmlns='jabber:iq:last'/>",
                "<query xmlns='jabber:iq:version'/>", "<vCard xmlns='vcard-temp'/>");
        return iq(id, type(), payloads.get(random.nextInt(payloads.size())), "standard");
    }

    private Fuzzed structural(String id) {
        switch (random.nextInt(7)) {
            case 0: {
                int depth = 20 + random.nextInt(random.nextBoolean() ? 20 : 4_000);
                return iq(id, "set", "<query xmlns='urn:example:deep'>" + "<x>".repeat(depth) + "</x>".repeat(depth)
                        + "</query>", "deep");
            }
            case 1:
                return iq(id, "get", "<query xmlns='urn:example:wide'>"
                        + "<i/>".repeat(900 + random.nextInt(1_500)) + "</query>", "wide");
            case 2:
                return iq(id, type(), "<end xmlns='" + NS + "' interaction='" + "z".repeat(3_000 + random.nextInt(90_000))
                        + "'/>", "huge attribute");
            case 3:
                return iq(id, type(), "<ping xmlns='urn:xmpp:ping'/><ping xmlns='urn:xmpp:ping'/>", "two payloads");
            case 4:
                return iq(id, type(), "", "no payload");
            case 5:
                return iq(id, type(), "<" + List.of("query", "x", "end").get(random.nextInt(3)) + " xmlns='urn:example:"
                        + random.nextInt(1_000) + "'/>", "unknown namespace");
            default:
                return iq(id, "set", "<" + "n".repeat(1 + random.nextInt(2_000)) + " xmlns='" + NS + "'/>",
                        "long name");
        }
    }

    private Fuzzed message(String id) {
        String type = List.of("chat", "normal", "groupchat", "headline", "error", unknownTypes ? "shout" : "chat",
                "chat", "chat").get(random.nextInt(8));
        String to = List.of("sales@" + service, "nowhere@" + service, service, "bridge@" + service)
                .get(random.nextInt(4));
        int length = random.nextInt(10) == 0 ? 9_000 + random.nextInt(30_000) : 1 + random.nextInt(120);
        String extra = random.nextInt(10) == 0 ? "<x xmlns='" + NS + "'>" + "<y>".repeat(30) + "</y>".repeat(30)
                + "</x>" : "";
        String body = "fuzz line " + id + " " + "m".repeat(length);
        return new Fuzzed("<message type='" + type + "' id='" + id + "' to='" + to + "'><body>" + body + "</body>"
                + extra + "</message>", id, false, "message");
    }

    private Fuzzed presence(String id) {
        String type = List.of("", " type='subscribe'", " type='probe'", " type='unsubscribe'", " type='available'",
                " type='unavailable'", " type='bogus'").get(random.nextInt(7));
        String to = random.nextBoolean() ? service : "sales@" + service;
        String agent = random.nextBoolean() ? "<agent xmlns='" + NS + "' capacity='" + value() + "'/>" : "";
        return new Fuzzed("<presence id='" + id + "' to='" + to + "'" + type + ">" + agent + "</presence>", id, false,
                "presence");
    }
}
