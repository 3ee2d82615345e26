package org.chatconsult.sdk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chatconsult.protocol.Wire;
import org.chatconsult.sdk.packet.AgentOffer;
import org.chatconsult.sdk.packet.AgentStateExtension;
import org.chatconsult.sdk.packet.ChatConsult;
import org.chatconsult.sdk.packet.ConsultationOfferExtension;
import org.chatconsult.sdk.packet.EndedExtension;
import org.chatconsult.sdk.packet.HandoverOfferExtension;
import org.chatconsult.sdk.packet.MirroredExtension;
import org.chatconsult.sdk.packet.NoticeExtension;
import org.chatconsult.sdk.packet.Offer;
import org.chatconsult.sdk.packet.OfferExtension;
import org.chatconsult.sdk.packet.Preview;
import org.chatconsult.sdk.packet.QueueExtension;
import org.chatconsult.sdk.packet.ResultIQ;
import org.chatconsult.sdk.packet.ResumeExtension;
import org.chatconsult.sdk.packet.RevokedExtension;
import org.chatconsult.sdk.packet.SupervisedExtension;
import org.chatconsult.sdk.packet.TranscriptLine;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaError;
import org.jxmpp.jid.Jid;

/**
 * What a client of the SDK reads from a stanza Smack parsed with the SDK's providers, through the SDK's typed API
 * (the packet classes' getters, and for results the readings its managers use), written down by the fixtures' rules
 * (protocol/fixtures/README.md). A field the SDK misreads or leaves out is then missing from, or wrong in, the map.
 */
final class TypedReading {
    private TypedReading() {
    }

    static Map<String, Object> stanza(Stanza stanza) {
        Fields read = new Fields().put("stanza", kind(stanza)).put("type", type(stanza))
                .put("from", stanza.getFrom()).put("to", stanza.getTo());
        if (stanza instanceof Message) {
            read.put("body", ((Message) stanza).getBody());
        }
        if (stanza instanceof Presence) {
            Presence presence = (Presence) stanza;
            read.put("show", presence.getMode() == Presence.Mode.available ? null : presence.getMode())
                    .put("status", presence.getStatus());
        }
        if (stanza instanceof ResultIQ) {
            read.put("payload", result((ResultIQ) stanza));
        } else if (!(stanza instanceof IQ)) {
            read.put("payload", extension(stanza));
        }
        read.put("error", error(stanza.getError()));
        return read.map;
    }

    private static String kind(Stanza stanza) {
        return stanza instanceof Message ? "message" : stanza instanceof Presence ? "presence" : "iq";
    }

    /** Smack reports an absent type as the default it stands for; the service never writes those defaults. */
    private static String type(Stanza stanza) {
        if (stanza instanceof Message) {
            Message.Type type = ((Message) stanza).getType();
            return type == Message.Type.normal ? null : type.toString();
        }
        if (stanza instanceof Presence) {
            Presence.Type type = ((Presence) stanza).getType();
            return type == Presence.Type.available ? null : type.toString();
        }
        return ((IQ) stanza).getType().toString();
    }

    private static Map<String, Object> error(StanzaError error) {
        if (error == null) {
            return null;
        }
        return new Fields().put("type", error.getType().toString()).put("condition", error.getCondition().toString())
                .put("text", error.getDescriptiveText()).map;
    }

    /** Our element in a message or presence, by the packet class its provider gave. */
    private static Map<String, Object> extension(Stanza stanza) {
        List<ExtensionElement> ours = new ArrayList<>();
        for (ExtensionElement element : stanza.getExtensions()) {
            if (ChatConsult.NAMESPACE.equals(element.getNamespace())) {
                ours.add(element);
            }
        }
        if (ours.isEmpty()) {
            return null;
        }
        if (ours.size() > 1) {
            throw new AssertionError("more than one element of ours: " + ours);
        }
        ExtensionElement element = ours.get(0);
        Fields read = new Fields().put("element", element.getElementName());
        if (element instanceof AgentStateExtension) {
            AgentStateExtension agent = (AgentStateExtension) element;
            read.put("readiness", agent.getReadiness()).put("capacity", agent.getCapacity()).put("load", agent.getLoad());
        } else if (element instanceof OfferExtension) {
            OfferExtension offer = (OfferExtension) element;
            offer(read, offer);
            read.put("contact", party(offer.getContact(), offer.getContactName()))
                    .put("routingPoint", party(offer.getRoutingPoint(), offer.getRoutingPointName()))
                    .put("started", offer.getStarted()).put("preview", offer.getPreview());
        } else if (element instanceof ConsultationOfferExtension) {
            ConsultationOfferExtension offer = (ConsultationOfferExtension) element;
            offer(read, offer);
            read.put("consultation", offer.getConsultation());
            agentOffer(read, offer);
        } else if (element instanceof HandoverOfferExtension) {
            HandoverOfferExtension offer = (HandoverOfferExtension) element;
            offer(read, offer);
            read.put("handover", offer.getHandover()).put("kind", offer.getKind());
            agentOffer(read, offer);
        } else if (element instanceof RevokedExtension) {
            RevokedExtension revoked = (RevokedExtension) element;
            read.put("offer", revoked.getOffer()).put("consultation", revoked.getConsultation())
                    .put("handover", revoked.getHandover()).put("interaction", revoked.getInteraction())
                    .put("reason", revoked.getReason());
        } else if (element instanceof QueueExtension) {
            QueueExtension queue = (QueueExtension) element;
            read.put("interaction", queue.getInteraction()).put("position", queue.getPosition())
                    .put("wait", queue.getWait());
        } else if (element instanceof EndedExtension) {
            EndedExtension ended = (EndedExtension) element;
            read.put("interaction", ended.getInteraction()).put("reason", ended.getReason());
        } else if (element instanceof ResumeExtension) {
            ResumeExtension resume = (ResumeExtension) element;
            read.put("interaction", resume.getInteraction()).put("token", resume.getToken());
        } else if (element instanceof NoticeExtension) {
            NoticeExtension notice = (NoticeExtension) element;
            read.put("consultation", notice.getConsultation()).put("handover", notice.getHandover())
                    .put("kind", notice.getKind()).put("interaction", notice.getInteraction())
                    .put("reason", notice.getReason()).put("target", notice.getTarget()).put("name", notice.getName());
        } else if (element instanceof MirroredExtension) {
            MirroredExtension mirrored = (MirroredExtension) element;
            read.put("consultation", mirrored.getConsultation()).put("supervision", mirrored.getSupervision())
                    .put("interaction", mirrored.getInteraction()).put("seq", mirrored.getSeq())
                    .put("from", mirrored.getFrom()).put("role", mirrored.getRole()).put("time", mirrored.getTime());
        } else if (element instanceof SupervisedExtension) {
            SupervisedExtension supervised = (SupervisedExtension) element;
            read.put("supervision", supervised.getSupervision()).put("interaction", supervised.getInteraction())
                    .put("supervisor", supervised.getSupervisor()).put("name", supervised.getName())
                    .put("action", supervised.getAction()).put("room", supervised.getRoom());
        } else {
            throw new AssertionError("the SDK has no typed reading of <" + element.getElementName() + "/>: "
                    + element.getClass().getName());
        }
        return read.map;
    }

    private static void offer(Fields read, Offer offer) {
        read.put("id", offer.getId()).put("interaction", offer.getInteraction()).put("room", offer.getRoom())
                .put("expires", offer.getExpires());
    }

    private static void agentOffer(Fields read, AgentOffer offer) {
        Preview preview = offer.getPreview();
        read.put("initiator", party(offer.getInitiator(), offer.getInitiatorName()))
                .put("contact", party(preview.getContact(), preview.getContactName()))
                .put("routingPoint", party(preview.getRoutingPoint(), preview.getRoutingPointName()))
                .put("started", preview.getStarted()).put("lines", lines(preview.getLines()));
    }

    private static Map<String, Object> party(Jid jid, String name) {
        return jid == null ? null : new Fields().put("jid", jid).put("name", name).map;
    }

    private static List<Object> lines(List<TranscriptLine> lines) {
        if (lines.isEmpty()) {
            return null;
        }
        List<Object> read = new ArrayList<>();
        for (TranscriptLine line : lines) {
            // A line without a sequence number reads as 0 (TranscriptLine), as in the doc's consultation offer.
            read.add(new Fields().put("seq", line.getSeq() > 0 ? line.getSeq() : null).put("from", line.getFrom())
                    .put("role", line.getRole()).put("time", line.getTime()).put("text", line.getText()).map);
        }
        return read;
    }

    /** An IQ result, read the way the manager that asked for it reads it. */
    private static Map<String, Object> result(ResultIQ result) {
        StandardExtensionElement payload = result.getPayload();
        Fields read = new Fields().put("element", payload.getElementName());
        switch (payload.getElementName()) {
            case Wire.SUPERVISE: {
                List<Object> chats = new ArrayList<>();
                for (StandardExtensionElement chat : result.getItems(Wire.CHAT)) {
                    chats.add(liveChat(LiveChat.from(chat)));
                }
                List<Object> supervisions = new ArrayList<>();
                for (StandardExtensionElement supervision : result.getItems(Wire.SUPERVISION)) {
                    supervisions.add(supervision(SupervisionInfo.from(supervision)).map);
                }
                return read.put("chats", chats.isEmpty() ? null : chats)
                        .put("supervisions", supervisions.isEmpty() ? null : supervisions).map;
            }
            case Wire.SUPERVISION: {
                read.map.putAll(supervision(SupervisionInfo.from(payload)).map);
                return read.map;
            }
            case Wire.TRANSCRIPT: {
                // Consultation keeps the lines alone: it knows which consultation and chat it asked about.
                return read.put("consultation", payload.getAttributeValue("consultation"))
                        .put("interaction", payload.getAttributeValue("interaction"))
                        .put("lines", lines(Consultation.transcriptLines(result))).map;
            }
            case Wire.FAVORITES: {
                // TeamCommunicator.getFavorites gives the addresses alone; the SDK exposes no item's kind, read here
                // from the generic element.
                List<Jid> jids = TeamCommunicator.favoriteJids(result);
                List<StandardExtensionElement> items = result.getItems("item");
                List<Object> favorites = new ArrayList<>();
                for (int i = 0; i < jids.size(); i++) {
                    favorites.add(new Fields().put("jid", jids.get(i))
                            .put("kind", items.get(i).getAttributeValue("kind")).map);
                }
                return read.put("items", favorites.isEmpty() ? null : favorites).map;
            }
            case Wire.RECENT: {
                List<Object> recent = new ArrayList<>();
                for (TeamCommunicator.RecentTarget target : TeamCommunicator.recentTargets(result)) {
                    recent.add(new Fields().put("jid", target.getJid()).put("kind", target.getKind())
                            .put("how", target.getHow()).put("time", target.getAt()).map);
                }
                return read.put("items", recent.isEmpty() ? null : recent).map;
            }
            default:
                // consultation, handover, party, history, export: the SDK has no typed reading of these. Its managers
                // take single attributes of the generic element (the consultation's id and room, the handover's
                // id, the party's jid) or its text (the export), and read no history; so here the generic element
                // the SDK exposes, ResultIQ.getPayload(), is read by the rules.
                return WireRules.payload(Fixtures.parse(payload.toXML().toString()));
        }
    }

    private static Map<String, Object> liveChat(LiveChat chat) {
        return new Fields().put("id", chat.getId()).put("routingPoint", chat.getRoutingPoint())
                .put("contact", chat.getContactName()).put("state", chat.getState()).put("started", chat.getStarted())
                .put("agent", chat.getAgent()).put("agentName", chat.getAgentName())
                .put("answered", chat.getAnswered()).put("consultations", chat.getConsultations()).map;
    }

    private static Fields supervision(SupervisionInfo supervision) {
        return new Fields().put("id", supervision.getId()).put("interaction", supervision.getInteraction())
                .put("room", supervision.getRoom()).put("mode", supervision.getMode())
                .put("consultations", supervision.isWithConsultations()).put("chatRoom", supervision.getChatRoom());
    }

    /** Keys in order, absent values left out; addresses and times as their text. */
    private static final class Fields {
        final Map<String, Object> map = new LinkedHashMap<>();

        Fields put(String key, Object value) {
            if (value instanceof Jid || value instanceof java.time.Instant) {
                map.put(key, value.toString());
            } else if (value != null) {
                map.put(key, value);
            }
            return this;
        }
    }
}
