package org.chatconsult.xmpp.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.chatconsult.core.CoreException;
import org.junit.jupiter.api.Test;
import org.xmpp.forms.DataForm;
import org.xmpp.packet.JID;

/** Sessions of several forms are bounded: per requester, in all, and in time. */
class CommandSessionsTest {
    private Instant now = Instant.parse("2026-12-01T10:00:00Z");
    private final CommandSessions sessions = new CommandSessions(new Clock() {
        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    });
    private final JID alice = new JID("alice@example.com/desk");

    @Test
    void aSessionBelongsToItsOwnerAndCommand() {
        CommandSessions.Session session = sessions.open(alice, "consult", form());
        assertThat(sessions.find(session.id(), alice, "consult")).isEqualTo(session);
        assertThat(sessions.find(session.id(), new JID("alice@example.com/phone"), "consult")).isNull();
        assertThat(sessions.find(session.id(), new JID("dora@example.com/desk"), "consult")).isNull();
        assertThat(sessions.find(session.id(), alice, "done")).isNull();
        sessions.close(session.id());
        assertThat(sessions.find(session.id(), alice, "consult")).isNull();
    }

    @Test
    void aRequestersSixthSessionReplacesItsOldest() {
        List<CommandSessions.Session> opened = new ArrayList<>();
        for (int i = 0; i <= CommandSessions.MAX_PER_REQUESTER; i++) {
            opened.add(sessions.open(new JID("alice@example.com/r" + i), "consult", form()));
        }
        assertThat(sessions.find(opened.get(0).id(), opened.get(0).owner(), "consult")).isNull();
        assertThat(sessions.find(opened.get(1).id(), opened.get(1).owner(), "consult")).isNotNull();
    }

    @Test
    void pastTheBoundNewSessionsAreRefusedUntilIdleOnesAreForgotten() {
        for (int i = 0; i < CommandSessions.MAX; i++) {
            sessions.open(new JID("agent" + i + "@example.com/desk"), "consult", form());
        }
        assertThatThrownBy(() -> sessions.open(alice, "consult", form())).isInstanceOf(CoreException.class)
                .extracting(e -> ((CoreException) e).kind()).isEqualTo(CoreException.Kind.RESOURCE_CONSTRAINT);
        now = now.plus(CommandSessions.IDLE).plus(Duration.ofSeconds(1));
        assertThat(sessions.open(alice, "consult", form())).isNotNull();
    }

    @Test
    void aSessionTouchedStaysWhileAnIdleOneIsForgotten() {
        CommandSessions.Session kept = sessions.open(alice, "team-communicator", form());
        CommandSessions.Session idle = sessions.open(new JID("dora@example.com/desk"), "consult", form());
        now = now.plus(CommandSessions.IDLE.minusMinutes(1));
        sessions.update(kept.answered(form(), form(), now));
        now = now.plus(Duration.ofMinutes(2));
        assertThat(sessions.find(idle.id(), idle.owner(), "consult")).isNull();
        CommandSessions.Session found = sessions.find(kept.id(), alice, "team-communicator");
        assertThat(found.answers()).hasSize(1);
        assertThat(found.back(now).forms()).hasSize(1);
    }

    private static DataForm form() {
        return new DataForm(DataForm.Type.form);
    }
}
