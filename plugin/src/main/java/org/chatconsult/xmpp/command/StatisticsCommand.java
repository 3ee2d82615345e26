package org.chatconsult.xmpp.command;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.chatconsult.core.Directory;
import org.chatconsult.core.Readiness;
import org.chatconsult.store.Journal;
import org.chatconsult.xmpp.CoreThread;
import org.chatconsult.xmpp.CpuAccount;
import org.chatconsult.xmpp.Protocol;
import org.xmpp.forms.DataForm;
import org.xmpp.forms.FormField;

/**
 * What the service is doing and what it costs, for supervisors and monitoring: the live chats, consultations
 * and Ready agents, the CPU time it has spent (where, see {@link CpuAccount}) and the changes it has stored. A
 * single-stage ad-hoc command (XEP-0050 §3.4): executing it completes it with a result form (XEP-0004).
 */
public final class StatisticsCommand extends GuardedCommand {
    static final String FORM_TYPE = Protocol.NS + "#statistics";

    private final CoreThread core;
    private final Journal journal;
    private final CpuAccount cpu;
    private final Instant started;

    public StatisticsCommand(CoreThread core, Journal journal, CpuAccount cpu, Directory directory, Instant started) {
        super("statistics", "Service statistics", directory::isSupervisor,
                "the service's statistics are for supervisors");
        this.core = core;
        this.journal = journal;
        this.cpu = cpu;
        this.started = started;
    }

    /** Never asked: the command completes on execute, so no session follows. */
    @Override
    public CompletableFuture<Stage> next(String requester, List<DataForm> answers) {
        return start(requester);
    }

    @Override
    public CompletableFuture<Stage> start(String requester) {
        return core.ask(centre -> {
            DataForm form = new DataForm(DataForm.Type.result);
            form.setTitle(name());
            form.addField("FORM_TYPE", null, FormField.Type.hidden).addValue(FORM_TYPE);
            add(form, "interactions", "Live chats", centre.interactions().size());
            add(form, "consultations", "Live consultations", centre.consultations().live().size());
            add(form, "ready-agents", "Ready agents",
                    centre.agents().stream().filter(agent -> agent.readiness() == Readiness.READY).count());
            add(form, "stored", "Changes stored", journal.written());
            // The store's health: out of reach (retrying, changes held in memory), and what it refused for good.
            add(form, "store-reachable", "Store reachable", journal.isRetrying() ? 0 : 1);
            add(form, "store-held", "Changes held while the store is out of reach", journal.held());
            add(form, "store-set-aside", "Changes the store refused, set aside", journal.setAside());
            add(form, "cpu-delivering-us", "CPU handling stanzas (µs)", cpu.deliveringNanos() / 1_000);
            add(form, "cpu-core-us", "CPU of the core thread (µs)", CpuAccount.nanos(core.thread()) / 1_000);
            add(form, "cpu-store-us", "CPU of the store thread (µs)", CpuAccount.nanos(journal.thread()) / 1_000);
            add(form, "cpu-outbox-us", "CPU of the thread that hands stanzas to the server (µs)",
                    cpu.senderNanos() / 1_000);
            add(form, "cpu-sending-us", "CPU inside the server's send, part of the above (µs)",
                    cpu.sendingNanos() / 1_000);
            add(form, "uptime-s", "Running for (s)", Duration.between(started, Instant.now()).toSeconds());
            return Stage.result(form);
        });
    }

    private static void add(DataForm form, String var, String label, long value) {
        form.addField(var, label, FormField.Type.text_single).addValue(String.valueOf(value));
    }
}
