package org.chatconsult.core;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of supervision: a supervisor (the directory says who is one) monitors a live chat, whispers to its
 * agent, barges in and leaves. Anyone else asking anything of it hears what an unknown id hears, word for word,
 * so nobody can learn who supervises or what is live. One supervision per supervisor and chat; the chat's end
 * ends its supervisions. Part of the {@link ContactCentre}, on its thread.
 */
public final class SupervisionDesk {
    /** The answer to an unknown chat or supervision id, and to anyone who is not a supervisor: the same. */
    public static final String NO_SUPERVISION = "no such live chat or supervision";
    /** The reason a supervision ends with its chat: there is nobody left to tell in the chat. */
    public static final String CHAT_ENDED = "chat-ended";

    private final ContactCentre centre;
    private final ContactCentreListener listener;
    private final Map<String, Supervision> live = new LinkedHashMap<>();

    SupervisionDesk(ContactCentre centre, ContactCentreListener listener) {
        this.centre = centre;
        this.listener = listener;
    }

    /** The live chats a supervisor may watch; refused to anyone else as an unknown id is. */
    public List<Interaction> chats(String supervisor) {
        requireSupervisor(supervisor);
        return centre.interactions().stream()
                .sorted(Comparator.comparing(Interaction::started)).toList();
    }

    /** The supervisions running now, of every supervisor; for the supervisor's list and the Live page. */
    public List<Supervision> live() {
        return List.copyOf(live.values());
    }

    /** Her supervisions running now. */
    public List<Supervision> of(String supervisor) {
        requireSupervisor(supervisor);
        return live.values().stream().filter(s -> s.supervisor().equals(supervisor)).toList();
    }

    /**
     * Starts watching a live chat from a private room, or returns the supervision she has of it already. The
     * listener makes the room and mirrors the chat into it.
     */
    public Supervision monitor(String supervisor, String interactionId, boolean withConsultations) {
        requireSupervisor(supervisor);
        Interaction interaction = centre.interaction(interactionId)
                .orElseThrow(() -> new CoreException(CoreException.Kind.NOT_FOUND, NO_SUPERVISION));
        Optional<Supervision> already = find(supervisor, interactionId);
        if (already.isPresent()) {
            return already.get();
        }
        Supervision supervision = new Supervision(centre.newId(), interaction, supervisor, withConsultations,
                centre.now());
        live.put(supervision.id(), supervision);
        listener.supervisionStarted(supervision);
        return supervision;
    }

    /**
     * A line to the chat's agent, which the contact never receives: it is said in the supervision's room, which
     * the agent is admitted to on the first whisper. {@code saidInRoom}: she typed it there herself.
     */
    public void whisper(String supervisor, String supervisionId, String text, boolean saidInRoom) {
        Supervision supervision = hers(supervisor, supervisionId);
        String agent = supervision.interaction().owner();
        if (agent == null) {
            throw new CoreException(CoreException.Kind.NOT_ALLOWED, "the chat has no agent yet to whisper to");
        }
        boolean first = !agent.equals(supervision.whisperedTo());
        supervision.whisperTo(agent);
        listener.whispered(supervision, text, saidInRoom, first);
    }

    /** She becomes a visible participant of the chat: the contact is told, and her lines reach the contact. */
    public Supervision barge(String supervisor, String supervisionId) {
        Supervision supervision = hers(supervisor, supervisionId);
        if (supervision.barged()) {
            throw new CoreException(CoreException.Kind.CONFLICT, "you are in the chat already");
        }
        supervision.bargeIn();
        listener.bargedIn(supervision);
        return supervision;
    }

    /** She stops watching (and, if she barged in, leaves the chat). */
    public void leave(String supervisor, String supervisionId) {
        end(hers(supervisor, supervisionId), "left");
    }

    /** Ends any supervision, as the admin console may: {@code reason} is said to her. */
    public void end(String supervisionId, String reason) {
        Supervision supervision = live.get(supervisionId);
        if (supervision == null) {
            throw new CoreException(CoreException.Kind.NOT_FOUND, NO_SUPERVISION);
        }
        end(supervision, reason);
    }

    /** Her supervision of a chat, for a client that names the chat rather than the supervision. */
    public Supervision hersOf(String supervisor, String interactionId) {
        requireSupervisor(supervisor);
        return find(supervisor, interactionId)
                .orElseThrow(() -> new CoreException(CoreException.Kind.NOT_FOUND, NO_SUPERVISION));
    }

    private Optional<Supervision> find(String supervisor, String interactionId) {
        return live.values().stream()
                .filter(s -> s.supervisor().equals(supervisor) && s.interaction().id().equals(interactionId))
                .findFirst();
    }

    public Optional<Supervision> supervision(String id) {
        return Optional.ofNullable(live.get(id));
    }

    /** Whether {@code address} barged into the chat and is in it as a supervisor, not as one of its agents. */
    public boolean isBargedIn(String interactionId, String address) {
        return live.values().stream().anyMatch(s -> s.barged() && s.supervisor().equals(address)
                && s.interaction().id().equals(interactionId));
    }

    void interactionEnded(Interaction interaction) {
        for (Supervision supervision : List.copyOf(live.values())) {
            if (supervision.interaction() == interaction) {
                end(supervision, CHAT_ENDED);
            }
        }
    }

    private void end(Supervision supervision, String reason) {
        live.remove(supervision.id());
        listener.supervisionEnded(supervision, reason);
    }

    private Supervision hers(String supervisor, String supervisionId) {
        requireSupervisor(supervisor);
        Supervision supervision = live.get(supervisionId);
        if (supervision == null || !supervision.supervisor().equals(supervisor)) {
            throw new CoreException(CoreException.Kind.NOT_FOUND, NO_SUPERVISION);
        }
        return supervision;
    }

    private void requireSupervisor(String address) {
        if (!centre.directory().isSupervisor(address)) {
            throw new CoreException(CoreException.Kind.NOT_FOUND, NO_SUPERVISION);
        }
    }
}
