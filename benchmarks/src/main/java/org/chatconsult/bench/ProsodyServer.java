package org.chatconsult.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.chatconsult.standalone.LocalProsody;

/** A private Prosody for one run and, when the run has one, the service as an external component in its own JVM. */
final class ProsodyServer implements LoadServer {
    private final LocalProsody prosody;
    private final ServiceProcess service;

    private ProsodyServer(LocalProsody prosody, ServiceProcess service) {
        this.prosody = prosody;
        this.service = service;
    }

    static ProsodyServer start(Path dir, Accounts accounts, boolean withService, String serviceClasspath)
            throws Exception {
        // Room creation open to users: the relay bot and the bare rooms it is compared with are clients' rooms.
        LocalProsody prosody = LocalProsody.start(dir.resolve("prosody"), "localhost", 0, 0, "consult", "secret",
                accounts.passwords(), java.util.List.of(), false);
        try {
            ServiceProcess service = withService ? ServiceProcess.start(config(dir, prosody, accounts),
                    serviceClasspath, dir.resolve("service.log")) : null;
            return new ProsodyServer(prosody, service);
        } catch (Exception e) {
            prosody.close();
            throw e;
        }
    }

    @Override
    public String name() {
        return "Prosody";
    }

    @Override
    public int c2sPort() {
        return prosody.c2sPort();
    }

    @Override
    public double serviceCpuSeconds() throws Exception {
        return service == null ? 0 : JvmProbe.cpuSeconds(service.pid());
    }

    @Override
    public double serverCpuSeconds() throws Exception {
        return JvmProbe.cpuSeconds(prosody.pid()) + serviceCpuSeconds();
    }

    @Override
    public void record(Path file, int seconds) throws Exception {
        if (service != null) {
            JvmProbe.record(service.pid(), file, seconds);
        }
    }

    @Override
    public long heapUsedAfterGcKiB() throws Exception {
        return service == null ? -1 : JvmProbe.heapUsedAfterGcKiB(service.pid());
    }

    /** The service's configuration: the run's agents, its routing points each served by every owner. */
    private static Path config(Path dir, LocalProsody prosody, Accounts accounts) throws Exception {
        StringBuilder properties = new StringBuilder();
        properties.append("xmpp.domain=localhost\nxmpp.component.port=").append(prosody.componentPort())
                .append("\ncomponent.secret=secret\nagent.capacity=100\noffer.timeout=60s\nqueue.maxwait=10m\n");
        // A store of its own for each run: the default embedded database, in the run's directory.
        properties.append("store.dir=").append(dir.resolve("store")).append('\n');
        for (String agent : accounts.owners()) {
            properties.append("agent.").append(agent).append("@localhost=").append(agent).append('\n');
        }
        for (String agent : accounts.targets()) {
            properties.append("agent.").append(agent).append("@localhost=").append(agent).append('\n');
        }
        String owners = String.join(",", accounts.owners().stream().map(o -> o + "@localhost").toList());
        StringBuilder points = new StringBuilder();
        for (int p = 0; p < LoadTool.ROUTING_POINTS; p++) {
            points.append(p == 0 ? "" : ",").append("rp").append(p);
            properties.append("routingpoint.rp").append(p).append(".agents=").append(owners).append('\n');
        }
        properties.append("routingpoints=").append(points).append('\n');
        Path file = dir.resolve("service.properties");
        Files.writeString(file, properties, StandardCharsets.UTF_8);
        return file;
    }

    @Override
    public void close() throws Exception {
        try {
            if (service != null) {
                service.close();
            }
        } finally {
            prosody.close();
        }
    }
}
