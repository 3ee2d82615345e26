package org.chatconsult.xmpp.command;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chatconsult.core.CoreException;
import org.chatconsult.xmpp.Ids;
import org.xmpp.forms.DataForm;
import org.xmpp.packet.JID;

/**
 * The ad-hoc command sessions in progress (XEP-0050 §4): for each, the forms sent and the answers taken so far.
 * Bounded in number and in time, since anyone may execute a command and walk away: a requester's oldest session
 * makes room for its newest, a session idle for {@link #IDLE} is forgotten, and past {@link #MAX} at once new
 * ones are refused.
 */
final class CommandSessions {
    static final int MAX = 1_000;
    static final int MAX_PER_REQUESTER = 5;
    static final Duration IDLE = Duration.ofMinutes(10);

    /** One session: who runs it (a full address), the command, the forms sent (the current one last), the answers. */
    record Session(String id, JID owner, String node, List<DataForm> forms, List<DataForm> answers, Instant touched) {
        DataForm current() {
            return forms.get(forms.size() - 1);
        }

        /** The current form answered, and the next form sent. */
        Session answered(DataForm answer, DataForm next, Instant now) {
            return new Session(id, owner, node, append(forms, next), append(answers, answer), now);
        }

        /** Back to the previous form (XEP-0050 §4.3, prev): its answer is taken again. */
        Session back(Instant now) {
            return new Session(id, owner, node, forms.subList(0, forms.size() - 1),
                    answers.subList(0, answers.size() - 1), now);
        }

        List<DataForm> answersWith(DataForm answer) {
            return append(answers, answer);
        }

        private static List<DataForm> append(List<DataForm> list, DataForm item) {
            List<DataForm> longer = new ArrayList<>(list);
            longer.add(item);
            return List.copyOf(longer);
        }
    }

    private final Clock clock;
    /** In the order last touched, so the idle ones are at the head. */
    private final Map<String, Session> sessions = new LinkedHashMap<>();

    CommandSessions(Clock clock) {
        this.clock = clock;
    }

    /** A new session of {@code node} for {@code owner}, its first form sent. */
    synchronized Session open(JID owner, String node, DataForm first) {
        forgetIdle();
        List<Session> mine = sessions.values().stream()
                .filter(s -> s.owner().toBareJID().equals(owner.toBareJID())).toList();
        if (mine.size() >= MAX_PER_REQUESTER) {
            sessions.remove(mine.get(0).id());
        } else if (sessions.size() >= MAX) {
            throw new CoreException(CoreException.Kind.RESOURCE_CONSTRAINT,
                    "too many commands are in progress; try again shortly");
        }
        Session session = new Session(Ids.next(), owner, node, List.of(first), List.of(), clock.instant());
        sessions.put(session.id(), session);
        return session;
    }

    /** The session {@code id} of {@code owner} running {@code node}, or null: unknown, another's or forgotten. */
    synchronized Session find(String id, JID owner, String node) {
        forgetIdle();
        Session session = sessions.get(id);
        return session != null && session.owner().equals(owner) && session.node().equals(node) ? session : null;
    }

    /** The session after a stage: kept as the newest touched. */
    synchronized void update(Session session) {
        if (sessions.remove(session.id()) != null) {
            sessions.put(session.id(), session);
        }
    }

    synchronized void close(String id) {
        sessions.remove(id);
    }

    Instant now() {
        return clock.instant();
    }

    private void forgetIdle() {
        Instant oldest = clock.instant().minus(IDLE);
        for (Iterator<Session> it = sessions.values().iterator(); it.hasNext();) {
            if (!it.next().touched().isBefore(oldest)) {
                break;
            }
            it.remove();
        }
    }
}
