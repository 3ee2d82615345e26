package org.chatconsult.store;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;

import org.chatconsult.core.Snapshot;
import org.json.JSONArray;
import org.json.JSONObject;

/** One interaction's record as a document to hand over: JSON for systems, plain text for people. */
public final class TranscriptExport {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(
            ZoneOffset.UTC);

    private TranscriptExport() {
    }

    public static String json(TranscriptRecord record) {
        Snapshot.InteractionRecord i = record.interaction();
        JSONObject interaction = new JSONObject()
                .put("id", i.id())
                .put("routingPoint", i.routingPoint())
                .put("contact", i.contact())
                .put("contactName", i.contactName())
                .put("started", i.started().toString())
                .put("state", i.state().name().toLowerCase())
                .putOpt("owner", i.owner())
                .putOpt("ended", i.ended() == null ? null : i.ended().toString())
                .putOpt("endReason", i.endReason());
        if (i.disposition() != null) {
            interaction.put("disposition", new JSONObject().put("by", i.disposition().party())
                    .putOpt("code", i.disposition().code()).putOpt("note", i.disposition().note()));
        }
        JSONArray consultations = new JSONArray();
        for (Snapshot.ConsultationRecord c : record.consultations()) {
            consultations.put(new JSONObject().put("id", c.id()).put("initiator", c.initiator())
                    .put("requestedTarget", c.requestedTarget()).putOpt("target", c.target())
                    .put("started", c.started().toString()).put("state", c.state().name().toLowerCase())
                    .putOpt("ended", c.ended() == null ? null : c.ended().toString()).putOpt("endReason", c.endReason()));
        }
        JSONArray messages = new JSONArray();
        for (Store.Message m : record.messages()) {
            messages.put(new JSONObject().put("room", m.roomId().equals(i.id()) ? "contact" : m.roomId())
                    .put("seq", m.seq()).put("time", m.time().toString()).put("from", m.sender())
                    .put("role", m.role()).put("text", m.body()));
        }
        JSONArray events = new JSONArray();
        for (Store.Event e : record.events()) {
            events.put(new JSONObject().put("seq", e.seq()).put("time", e.time().toString()).put("kind", e.kind())
                    .putOpt("by", e.actor()).putOpt("detail", e.detail()));
        }
        return new JSONObject().put("interaction", interaction).put("consultations", consultations)
                .put("messages", messages).put("events", events).toString(2);
    }

    public static String text(TranscriptRecord record) {
        Snapshot.InteractionRecord i = record.interaction();
        StringBuilder text = new StringBuilder();
        text.append("Interaction ").append(i.id()).append(" at ").append(i.routingPoint()).append(" with ")
                .append(i.contactName()).append(" <").append(i.contact()).append(">\n");
        text.append("Started ").append(TIME.format(i.started()));
        if (i.ended() != null) {
            text.append(", ended ").append(TIME.format(i.ended())).append(" (").append(i.endReason()).append(')');
        }
        text.append('\n');
        if (i.disposition() != null) {
            text.append("Done by ").append(i.disposition().party())
                    .append(i.disposition().code() == null ? "" : ": " + i.disposition().code())
                    .append(i.disposition().note() == null ? "" : " — " + i.disposition().note()).append('\n');
        }
        Set<String> supervisions = record.supervisions();
        for (Store.Message m : record.messages()) {
            String room = m.roomId().equals(i.id()) ? ""
                    : supervisions.contains(m.roomId()) ? " [supervision " + m.roomId() + "]"
                    : " [consultation " + m.roomId() + "]";
            text.append('[').append(TIME.format(m.time())).append(']').append(room).append(' ').append(m.sender())
                    .append(" (").append(m.role()).append("): ").append(m.body()).append('\n');
        }
        if (!record.events().isEmpty()) {
            text.append("\nEvents\n");
            for (Store.Event e : record.events()) {
                text.append('[').append(TIME.format(e.time())).append("] ").append(e.kind())
                        .append(e.actor() == null ? "" : " by " + e.actor())
                        .append(e.detail() == null ? "" : ": " + e.detail()).append('\n');
            }
        }
        return text.toString();
    }
}
