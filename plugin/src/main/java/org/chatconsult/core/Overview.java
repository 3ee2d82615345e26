package org.chatconsult.core;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What runs now, for a supervisor's live page: agents, chats, consultations and the queues. */
public record Overview(List<AgentRow> agents, List<ChatRow> chats, List<ConsultationRow> consultations,
        Map<String, Integer> waiting) {

    public record AgentRow(String address, String name, Readiness readiness, int load, int capacity) {
    }

    public record ChatRow(String id, String routingPoint, String contact, InteractionState state, String owner,
            Instant started) {
    }

    public record ConsultationRow(String id, String interactionId, String initiator, String target,
            ConsultationState state, Instant started) {
    }
}
