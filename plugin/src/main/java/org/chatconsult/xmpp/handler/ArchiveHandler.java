package org.chatconsult.xmpp.handler;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.chatconsult.core.ContactCentre;
import org.chatconsult.core.CoreException;
import org.chatconsult.core.Directory;
import org.chatconsult.core.TranscriptAccess;
import org.chatconsult.protocol.Wire;
import org.chatconsult.store.Journal;
import org.chatconsult.store.Store;
import org.chatconsult.store.TranscriptExport;
import org.chatconsult.store.TranscriptRecord;
import org.chatconsult.xmpp.Addresses;
import org.chatconsult.xmpp.CoreThread;
import org.chatconsult.xmpp.Protocol;
import org.chatconsult.xmpp.StanzaErrors;
import org.chatconsult.xmpp.edge.Fields;
import org.chatconsult.xmpp.edge.Limits;
import org.dom4j.Element;
import org.dom4j.QName;
import org.xmpp.forms.DataForm;
import org.xmpp.forms.FormField;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError;

/**
 * Reading the stored record of an interaction, live or ended: the standard way, a message archive query
 * (XEP-0313) on the service with the interaction named in the form, paged with result set management
 * (XEP-0059); and our {@code export} command, the whole record as JSON or plain text. What a reader gets
 * follows {@link TranscriptAccess}; a reader who may see nothing gets the same error as for an unknown id.
 */
public record ArchiveHandler(
        Addresses addresses, CoreThread core, Journal journal, Directory directory, Consumer<Packet> out) {
    public static final String NS_MAM = "urn:xmpp:mam:2";
    static final String NS_RSM = "http://jabber.org/protocol/rsm";
    static final String NS_FORWARD = "urn:xmpp:forward:0";
    /** Our form field naming the interaction whose archive is queried (XEP-0313 §4.1.1 allows extra fields). */
    static final String FIELD_INTERACTION = "interaction";
    static final int DEFAULT_PAGE = 100;
    static final int MAX_PAGE = 500;

    /** XEP-0313 §5.1.1: the fields a query may use (get). */
    public CompletableFuture<IQ> queryForm(IQ iq) {
        return CompletableFuture.completedFuture(form(iq));
    }

    /** XEP-0313 §4: a query (set); the lines go out as messages, then the result closes the page. */
    public CompletableFuture<IQ> query(IQ iq) {
        return query(iq, iq.getChildElement());
    }

    /** Our {@code export}: the whole record in one result. */
    public CompletableFuture<IQ> export(IQ iq) {
        return export(iq, iq.getChildElement());
    }

    private static IQ form(IQ iq) {
        IQ result = IQ.createResultIQ(iq);
        DataForm form = new DataForm(DataForm.Type.form);
        form.addField("FORM_TYPE", null, FormField.Type.hidden).addValue(NS_MAM);
        form.addField("start", "Lines said at or after", FormField.Type.text_single);
        form.addField("end", "Lines said at or before", FormField.Type.text_single);
        form.addField(FIELD_INTERACTION, "Interaction", FormField.Type.text_single).setRequired(true);
        result.setChildElement("query", NS_MAM).add(form.getElement());
        return result;
    }

    private CompletableFuture<IQ> query(IQ iq, Element query) {
        Element x = query.element(QName.get("x", "jabber:x:data"));
        DataForm form = x == null ? null : new DataForm(x);
        String interaction = Fields.formValue(form, FIELD_INTERACTION, Limits.MAX_ID);
        if (interaction == null) {
            return refuse(iq, PacketError.Condition.bad_request, "name the interaction in the form field '"
                    + FIELD_INTERACTION + "'");
        }
        // Result set management (XEP-0059): page size, and the page after or before a line.
        Element set = query.element(QName.get("set", NS_RSM));
        Instant start;
        Instant end;
        int max;
        try {
            start = time(Fields.formValue(form, "start", 40));
            end = time(Fields.formValue(form, "end", 40));
            String maxText = set == null ? null : Fields.text("the RSM 'max'", set.elementText("max"), 10);
            max = maxText == null ? DEFAULT_PAGE : Integer.parseInt(maxText);
            if (max < 0 || max > MAX_PAGE) {
                return refuse(iq, PacketError.Condition.not_acceptable, "a page holds at most " + MAX_PAGE
                        + " lines");
            }
        } catch (DateTimeParseException | NumberFormatException e) {
            return refuse(iq, PacketError.Condition.bad_request, "start and end are XEP-0082 times, max a number");
        }
        String after = set == null ? null : Fields.text("the RSM 'after'", set.elementText("after"), Limits.MAX_ID);
        Element beforeElement = set == null ? null : set.element("before");
        // An empty <before/> asks for the last page (XEP-0059 §2.5).
        String before = beforeElement == null ? null
                : Objects.requireNonNullElse(Fields.text("the RSM 'before'", beforeElement.getText(), Limits.MAX_ID), "");
        // Echoed on every result (XEP-0313 §4.1), so held to an id's length.
        String queryId = Fields.optionalId(query, "queryid");
        return readable(iq, interaction).thenApply(record -> {
            List<Store.Message> lines = record.messages().stream()
                    .filter(m -> (start == null || !m.time().isBefore(start)) && (end == null || !m.time().isAfter(end)))
                    .toList();
            int from = 0;
            int to = lines.size();
            if (after != null) {
                from = indexOf(lines, after) + 1;
            }
            if (before != null && !before.isEmpty()) {
                to = indexOf(lines, before);
            }
            boolean lastPage = before != null;
            int first = lastPage ? Math.max(from, to - max) : from;
            int last = lastPage ? to : Math.min(to, from + max);
            for (Store.Message line : lines.subList(first, last)) {
                out.accept(resultMessage(iq.getFrom(), queryId, record, line));
            }
            IQ result = IQ.createResultIQ(iq);
            Element fin = result.setChildElement("fin", NS_MAM);
            fin.addAttribute("complete", String.valueOf(lastPage ? first == from : last == to));
            Element rsm = fin.addElement("set", NS_RSM);
            if (last > first) {
                rsm.addElement("first").addAttribute("index", String.valueOf(first)).setText(id(lines.get(first)));
                rsm.addElement("last").setText(id(lines.get(last - 1)));
            }
            rsm.addElement("count").setText(String.valueOf(lines.size()));
            return result;
        });
    }

    private CompletableFuture<IQ> export(IQ iq, Element command) {
        String interaction = Fields.id(command, "interaction");
        String format = Objects.requireNonNullElse(Fields.attribute(command, "format", 8), "json");
        if (!format.equals("json") && !format.equals("text")) {
            return refuse(iq, PacketError.Condition.bad_request, "format is json or text");
        }
        return readable(iq, interaction).thenApply(record -> {
            IQ result = IQ.createResultIQ(iq);
            Element export = result.setChildElement(Wire.EXPORT, Protocol.NS);
            export.addAttribute("interaction", interaction);
            export.addAttribute("format", format);
            export.setText(format.equals("json") ? TranscriptExport.json(record) : TranscriptExport.text(record));
            return result;
        });
    }

    /** The record as the requester may see it; item-not-found alike for unknown and forbidden. */
    private CompletableFuture<TranscriptRecord> readable(IQ iq, String interactionId) {
        String reader = iq.getFrom().toBareJID();
        // Queued behind the core first: the read then sees every line the core took in before the request, and
        // at start it waits for the MUC service to be found, which the results name the rooms on.
        return core.call(() -> journal.read(store -> TranscriptRecord.load(store, interactionId)))
                .thenCompose(read -> read).thenApply(found -> {
            TranscriptAccess.Scope scope = found.map(record -> TranscriptAccess.of(reader, record.interaction(),
                    record.consultations(), directory)).orElse(TranscriptAccess.Scope.NOTHING);
            if (scope == TranscriptAccess.Scope.NOTHING) {
                throw new CoreException(CoreException.Kind.NOT_FOUND, ContactCentre.NO_CHAT);
            }
            return found.get().visibleAs(scope);
        });
    }

    private Message resultMessage(JID to, String queryId, TranscriptRecord record, Store.Message line) {
        Message message = new Message();
        message.setFrom(addresses.service());
        message.setTo(to);
        Element result = message.addChildElement("result", NS_MAM);
        if (queryId != null) {
            result.addAttribute("queryid", queryId);
        }
        result.addAttribute("id", id(line));
        Element forwarded = result.addElement("forwarded", NS_FORWARD);
        forwarded.addElement("delay", Protocol.NS_DELAY).addAttribute("stamp", line.time().toString());
        Element original = forwarded.addElement("message", "jabber:client");
        original.addAttribute("type", "groupchat");
        JID room = addresses.room(line.roomId());
        original.addAttribute("from", new JID(room.getNode(), room.getDomain(), line.sender()).toString());
        if (line.stanzaId() != null) {
            original.addAttribute("id", line.stanzaId());
        }
        original.addElement("body").setText(line.body());
        if (!line.roomId().equals(record.interaction().id())) {
            original.addElement("consultation", Protocol.NS).addAttribute("id", line.roomId())
                    .addAttribute("role", line.role());
        }
        return message;
    }

    /** A line's archive id: its room and its place in the room, unique and stable. */
    private static String id(Store.Message line) {
        return line.roomId() + ":" + line.seq();
    }

    private static int indexOf(List<Store.Message> lines, String id) {
        for (int i = 0; i < lines.size(); i++) {
            if (id(lines.get(i)).equals(id)) {
                return i;
            }
        }
        // XEP-0313 §6.2.3 (XEP-0059): an unknown id in after or before.
        throw new CoreException(CoreException.Kind.NOT_FOUND, "no such archived line in this chat");
    }

    private static Instant time(String text) {
        return text == null ? null : Instant.parse(text);
    }

    private static CompletableFuture<IQ> refuse(IQ iq, PacketError.Condition condition, String text) {
        return CompletableFuture.completedFuture(StanzaErrors.reply(iq, StanzaErrors.error(condition, text)));
    }
}
