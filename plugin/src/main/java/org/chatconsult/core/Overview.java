package org.chatconsult.core;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What runs now, for the admin console's live page: agents, chats, consultations, supervisions and the queues. */
public record Overview(List<AgentRow> agents, List<ChatRow> chats, List<ConsultationRow> consultations,
        List<SupervisionRow> supervisions, Map<String, Integer> waiting) {

    public record AgentRow(String address, String name, Readiness readiness, int load, int capacity) {
    }

    /** {@code answered}: when its first agent accepted it; null before that, or if not known. */
    public record ChatRow(String id, String routingPoint, String contact, InteractionState state, String owner,
            Instant started, Instant answered) {
    }

    public record ConsultationRow(String id, String interactionId, String initiator, String target,
            ConsultationState state, Instant started) {
    }

    /** {@code mode}: "monitoring" or "barged", as {@link Supervision#mode()} says. */
    public record SupervisionRow(String id, String interactionId, String supervisor, String mode, Instant started) {
    }
}
