package org.chatconsult.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;
import org.chatconsult.sdk.AgentManager;
import org.chatconsult.sdk.Consultation;
import org.chatconsult.sdk.Interaction;
import org.chatconsult.sdk.OfferListener;
import org.chatconsult.sdk.packet.ConsultationOfferExtension;
import org.chatconsult.sdk.packet.MirroredExtension;
import org.chatconsult.sdk.packet.OfferExtension;
import org.jivesoftware.smack.ConnectionConfiguration;
import org.jivesoftware.smack.SmackConfiguration;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.xdata.form.FillableForm;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * Drives N concurrent interactions, each with one accepted consultation, against a fresh server of its own
 * (Prosody with the service as an external component in its own JVM, or Openfire with the plugin inside it), and
 * measures in one run: the server's own MUC hop (contact to agent) beside our mirror hop (contact to consultation
 * target), consultation setup beside a plain room create-and-configure, the service's CPU per mirrored message
 * and heap per idle interaction, and exact accounting. All traffic stays on 127.0.0.1; every run is bounded in
 * count and time.
 *
 * <pre>
 * bin/bench load 100,200,300                 # Prosody; one message per second per contact, 30 s
 * bin/bench load openfire 500,750 1 30       # Openfire with the plugin
 * </pre>
 */
public final class LoadTool {
    static final int ROUTING_POINTS = 50;
    static final int CHATS_PER_AGENT = 50;
    static final Duration WAIT = Duration.ofSeconds(30);
    /** Every account of a run has the same password. */
    static final String PASSWORD = "pw";

    private final String server;
    private final int interactions;
    private final double rate;
    private final int seconds;
    private final String serviceClasspath;
    /** Who serves the rooms: our service; a client bot relaying each contact room into its consultation room; or
     *  nobody, the same rooms with no consultation traffic at all (the MUC service's own capacity). */
    enum Mode { SERVICE, RELAY, ROOMS }

    private final Mode mode;
    private final boolean relay;
    static final int WARM_UP_SECONDS = 10;
    private static final String SERVER_CPU = "server CPU us/line";
    private static final String CAPACITY_DROP = "capacity drop vs rooms";

    private final Histogram mucHop = new Histogram(60_000_000L, 3);
    private final Histogram mirrorHop = new Histogram(60_000_000L, 3);
    private final Histogram setup = new Histogram(60_000_000L, 3);
    private final Histogram roomCreate = new Histogram(60_000_000L, 3);
    private final Map<String, AtomicInteger> atAgent = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> atTarget = new ConcurrentHashMap<>();
    /** Every line sent while measuring: each must reach the agent and the target exactly once. */
    private final java.util.Set<String> sentKeys = ConcurrentHashMap.newKeySet();
    private final AtomicLong leaks = new AtomicLong();
    private volatile boolean measuring;

    LoadTool(String server, int interactions, double rate, int seconds, String serviceClasspath, Mode mode) {
        this.server = server;
        this.interactions = interactions;
        this.rate = rate;
        this.seconds = seconds;
        this.serviceClasspath = serviceClasspath;
        this.mode = mode;
        this.relay = mode != Mode.SERVICE;
    }

    public static void main(String[] args) throws Exception {
        List<String> arguments = new ArrayList<>(List.of(args));
        // Which server: "prosody" (the default) or "openfire".
        String server = !arguments.isEmpty() && arguments.get(0).matches("[a-z]+") ? arguments.remove(0) : "prosody";
        String sizes = arguments.size() > 0 ? arguments.get(0) : "100,200,300";
        double rate = arguments.size() > 1 ? Double.parseDouble(arguments.get(1)) : 1.0;
        int seconds = arguments.size() > 2 ? Integer.parseInt(arguments.get(2)) : 30;
        String classpath = System.getProperty("chatconsult.service.classpath");
        // What to compare the service with: "relay", "rooms", "all" (both) or "none".
        String compare = arguments.size() > 3 ? arguments.get(3) : "all";
        List<Map<String, String>> rows = new ArrayList<>();
        for (String size : sizes.split(",")) {
            int n = Integer.parseInt(size.trim());
            rows.add(new LoadTool(server, n, rate, seconds, classpath, Mode.SERVICE).run());
            if (compare.equals("relay") || compare.equals("all")) {
                rows.add(new LoadTool(server, n, rate, seconds, classpath, Mode.RELAY).run());
            }
            if (compare.equals("rooms") || compare.equals("all")) {
                Map<String, String> rooms = new LoadTool(server, n, rate, seconds, classpath, Mode.ROOMS).run();
                rows.stream().filter(row -> row.get("interactions").equals(String.valueOf(n)))
                        .forEach(row -> row.put(CAPACITY_DROP, capacityDrop(row, rooms)));
                rows.add(rooms);
            }
        }
        System.out.println();
        System.out.println("All runs:");
        print(rows);
    }

    /**
     * How much less the server holds with the consultations' traffic than with the same rooms and none: on the same
     * cores the load a server holds is the inverse of its CPU per contact line, so the drop is 1 - rooms/this.
     */
    private static String capacityDrop(Map<String, String> row, Map<String, String> rooms) {
        double perLine = Double.parseDouble(row.get(SERVER_CPU));
        double roomsPerLine = Double.parseDouble(rooms.get(SERVER_CPU));
        return String.format("%.0f%%", 100 * (1 - roomsPerLine / perLine));
    }

    Map<String, String> run() throws Exception {
        LoadServer.Accounts accounts = accounts();
        Path dir = Files.createTempDirectory("chatconsult-load");
        SmackConfiguration.setDefaultReplyTimeout(30_000);
        Roster.setRosterLoadedAtLoginDefault(false);
        try (LoadServer host = server.equals("openfire") ? OpenfireServer.start(dir, accounts, !relay)
                : ProsodyServer.start(dir, accounts, !relay, serviceClasspath)) {
            System.out.printf("%d interactions (%s) on %s; setting up%n", interactions,
                    mode.name().toLowerCase(java.util.Locale.ROOT), host.name());
            long heapBefore = host.heapUsedAfterGcKiB();
            List<XMPPTCPConnection> owners = new ArrayList<>();
            List<XMPPTCPConnection> targets = new ArrayList<>();
            List<XMPPTCPConnection> contactConnections = new ArrayList<>();
            for (String owner : accounts.owners()) {
                owners.add(connect(host.c2sPort(), owner, PASSWORD));
            }
            for (String target : accounts.targets()) {
                targets.add(connect(host.c2sPort(), target, PASSWORD));
            }
            for (int i = 0; i < contacts(); i++) {
                contactConnections.add(connect(host.c2sPort(), "contact" + i, PASSWORD));
            }
            XMPPTCPConnection bot = relay ? connect(host.c2sPort(), "relaybot", PASSWORD) : null;
            Map<Integer, MultiUserChat> contactRooms = relay
                    ? setUpRelay(bot, owners, targets, contactConnections, mode == Mode.RELAY)
                    : setUp(owners, targets, contactConnections);
            long heapAfter = host.heapUsedAfterGcKiB();
            measureRoomCreation(connect(host.c2sPort(), "roommaker", PASSWORD));

            System.out.printf("%d interactions set up; %d s of load at %.2f messages/s per contact%n", interactions,
                    seconds, rate);
            ScheduledExecutorService senders = Executors.newScheduledThreadPool(2);
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(WARM_UP_SECONDS + seconds);
            long periodMicros = (long) (1_000_000 / rate);
            for (Map.Entry<Integer, MultiUserChat> room : contactRooms.entrySet()) {
                AtomicInteger seq = new AtomicInteger();
                senders.scheduleAtFixedRate(() -> {
                    if (System.nanoTime() < end) {
                        int next = seq.incrementAndGet();
                        if (measuring) {
                            sentKeys.add(room.getKey() + "/" + next);
                        }
                        say(room.getValue(), "L " + room.getKey() + " " + next + " " + System.nanoTime());
                    }
                }, ThreadLocalRandom.current().nextLong(periodMicros), periodMicros, TimeUnit.MICROSECONDS);
            }
            Thread.sleep(TimeUnit.SECONDS.toMillis(WARM_UP_SECONDS)); // the JIT and the caches settle, unmeasured
            double cpuBefore = host.serviceCpuSeconds();
            double serverCpuBefore = host.serverCpuSeconds();
            String recording = System.getProperty("chatconsult.bench.jfr"); // a directory: profile the measured part
            if (recording != null && mode == Mode.SERVICE) {
                host.record(Path.of(recording).toAbsolutePath().resolve(host.name().toLowerCase(java.util.Locale.ROOT)
                        + "-" + interactions + ".jfr"), seconds);
            }
            measuring = true;
            Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
            senders.shutdownNow();
            double cpu = host.serviceCpuSeconds() - cpuBefore;
            double serverCpu = host.serverCpuSeconds() - serverCpuBefore;
            Thread.sleep(3_000); // what is in flight arrives
            measuring = false;

            long lostAtAgent = sentKeys.stream().filter(key -> !atAgent.containsKey(key)).count();
            long lostAtTarget = sentKeys.stream().filter(key -> !atTarget.containsKey(key)).count();
            long duplicates = atAgent.values().stream().filter(n -> n.get() > 1).count()
                    + atTarget.values().stream().filter(n -> n.get() > 1).count();
            Map<String, String> row = new LinkedHashMap<>();
            row.put("server", host.name());
            row.put("consult hop by", mode == Mode.SERVICE ? "service" : mode == Mode.RELAY ? "relay bot" : "none");
            row.put("interactions", String.valueOf(interactions));
            row.put("msgs", String.valueOf(sentKeys.size()));
            row.put("MUC p50/p95/p99/max ms", percentiles(mucHop));
            boolean mirrored = mode != Mode.ROOMS;
            row.put("mirror p50/p95/p99/max ms", mirrored ? percentiles(mirrorHop) : "-");
            row.put("mirror/MUC p99", mirrored ? String.format("%.2f", mirrorHop.getValueAtPercentile(99)
                    / (double) Math.max(1, mucHop.getValueAtPercentile(99))) : "-");
            row.put("setup p50/p99 ms", relay ? "-" : ms(setup.getValueAtPercentile(50)) + "/"
                    + ms(setup.getValueAtPercentile(99)));
            row.put("room create p50/p99 ms", ms(roomCreate.getValueAtPercentile(50)) + "/"
                    + ms(roomCreate.getValueAtPercentile(99)));
            row.put("CPU us/mirrored", relay ? "-" : String.format("%.1f", cpu * 1e6 / Math.max(1, atTarget.size())));
            row.put(SERVER_CPU, String.format("%.1f", serverCpu * 1e6 / Math.max(1, sentKeys.size())));
            row.put(CAPACITY_DROP, "-");
            row.put("heap KiB/interaction", heapBefore < 0 ? "-"
                    : String.format("%.1f", (heapAfter - heapBefore) / (double) interactions));
            row.put("lost agent/target", lostAtAgent + "/" + (mirrored ? String.valueOf(lostAtTarget) : "-"));
            row.put("duplicates", String.valueOf(duplicates));
            row.put("consult leaks", String.valueOf(leaks.get()));
            // Cut at once: a graceful goodbye can wait for ever behind a server still choking on the load.
            List<XMPPTCPConnection> all = new ArrayList<>(owners);
            all.addAll(targets);
            all.addAll(contactConnections);
            if (bot != null) {
                all.add(bot);
            }
            all.forEach(XMPPTCPConnection::instantShutdown);
            print(List.of(row));
            return row;
        }
    }

    /** Starts every chat, has its owner accept it and consult a target, who accepts. */
    private Map<Integer, MultiUserChat> setUp(List<XMPPTCPConnection> owners, List<XMPPTCPConnection> targets,
            List<XMPPTCPConnection> contacts) throws Exception {
        Map<Integer, MultiUserChat> contactRooms = new ConcurrentHashMap<>();
        Map<String, Integer> chatIndex = new ConcurrentHashMap<>();
        Map<String, Long> consultStarted = new ConcurrentHashMap<>();
        CountDownLatch ready = new CountDownLatch(interactions);
        // Joins and requests wait for answers: never on Smack's own listener threads.
        java.util.concurrent.ExecutorService work = Executors.newFixedThreadPool(32);
        for (XMPPTCPConnection contact : contacts) {
            MultiUserChatManager.getInstanceFor(contact).addInvitationListener((c, room, inviter, reason, pw, m, inv) ->
                    work.execute(() -> {
                        try {
                            room.join(Resourcepart.from("c" + contact.getUser().getLocalpart()));
                            room.addMessageListener(message -> leakCheck(message));
                        } catch (Exception e) {
                            System.err.println("contact could not join: " + e);
                        }
                    }));
            contact.addAsyncStanzaListener(this::leakCheck, stanza -> stanza instanceof Message);
        }
        for (int o = 0; o < owners.size(); o++) {
            XMPPTCPConnection target = targets.get(o);
            AgentManager targetAgent = AgentManager.getInstanceFor(target);
            targetAgent.addOfferListener(new OfferListener() {
                @Override
                public void offerReceived(OfferExtension offer) {
                }

                @Override
                public void consultationOfferReceived(ConsultationOfferExtension offer) {
                    work.execute(() -> acceptConsultation(offer));
                }

                private void acceptConsultation(ConsultationOfferExtension offer) {
                    try {
                        Consultation consultation = targetAgent.accept(offer, "target");
                        consultation.getRoom().addMessageListener(message -> onMirrored(message));
                        while (consultation.getTranscript().isEmpty()) {
                            Thread.sleep(1);
                        }
                        Long started = consultStarted.get(offer.getInteraction());
                        setup.recordValue((System.nanoTime() - started) / 1_000);
                        ready.countDown();
                    } catch (Exception e) {
                        System.err.println("target could not accept: " + e);
                    }
                }
            });
            targetAgent.setReady(100);
            AgentManager owner = AgentManager.getInstanceFor(owners.get(o));
            String target0 = target.getUser().asBareJid().toString();
            owner.addOfferListener(offer -> work.execute(() -> {
                try {
                    Interaction chat = owner.accept(offer, "owner");
                    int index = chatIndex.get(offer.getPreview());
                    contactRooms.put(index, MultiUserChatManager.getInstanceFor(contacts.get(index / ROUTING_POINTS))
                            .getMultiUserChat(offer.getRoom()));
                    chat.getRoom().addMessageListener(message -> onAgentMessage(message));
                    consultStarted.put(chat.getId(), System.nanoTime());
                    chat.consult(JidCreate.from(target0));
                } catch (Exception e) {
                    System.err.println("owner could not accept or consult: " + e);
                }
            }));
            owner.setReady(100);
        }
        Thread.sleep(500);
        // One chat at a time, so each consultation's setup is timed alone, like the room-creation baseline.
        for (int i = 0; i < interactions; i++) {
            String first = "start " + i;
            chatIndex.put(first, i);
            XMPPTCPConnection contact = contacts.get(i / ROUTING_POINTS);
            contact.sendStanza(StanzaBuilder.buildMessage().to(JidCreate.from("rp" + (i % ROUTING_POINTS)
                    + "@consult.localhost")).ofType(Message.Type.chat).setBody(first).build());
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (ready.getCount() > interactions - i - 1) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("consultation " + i + " was not set up in time");
                }
                Thread.sleep(1);
            }
        }
        work.shutdown();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (contactRooms.values().stream().anyMatch(room -> !room.isJoined())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("contacts did not all join their rooms");
            }
            Thread.sleep(10);
        }
        return contactRooms;
    }

    /**
     * The comparisons: no service at all. A client bot creates each chat's room and a consultation room, the
     * contact, owner and target join them, and (when {@code relayLines}) the bot relays every contact-room line
     * into the consultation room, as a client-side relay would.
     */
    private Map<Integer, MultiUserChat> setUpRelay(XMPPTCPConnection bot, List<XMPPTCPConnection> owners,
            List<XMPPTCPConnection> targets, List<XMPPTCPConnection> contacts, boolean relayLines) throws Exception {
        Map<Integer, MultiUserChat> contactRooms = new ConcurrentHashMap<>();
        MultiUserChatManager botRooms = MultiUserChatManager.getInstanceFor(bot);
        // A well-behaved bot: it relays from a thread of its own. Sending from the listener would block Smack's
        // reader while the server waits for the bot to read, and the bot would stall (as a first version did).
        java.util.concurrent.ExecutorService relaying = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "relay-bot");
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < interactions; i++) {
            int index = i;
            MultiUserChat chatRoom = create(botRooms, "chat" + i);
            MultiUserChat consultRoom = create(botRooms, "consult" + i);
            chatRoom.addMessageListener(message -> {
                if (relayLines && message.getBody() != null && message.getBody().startsWith("L ")) {
                    String relayed = "[relay] " + message.getFrom().getResourceOrEmpty() + ": " + message.getBody();
                    relaying.execute(() -> {
                        try {
                            consultRoom.sendMessage(relayed);
                        } catch (Exception e) {
                            System.err.println("relay failed: " + e);
                        }
                    });
                }
            });
            XMPPTCPConnection owner = owners.get(i / CHATS_PER_AGENT);
            XMPPTCPConnection target = targets.get(i / CHATS_PER_AGENT);
            MultiUserChat ownerRoom = MultiUserChatManager.getInstanceFor(owner).getMultiUserChat(chatRoom.getRoom());
            ownerRoom.join(Resourcepart.from("owner"));
            ownerRoom.addMessageListener(this::onAgentMessage);
            MultiUserChat targetRoom = MultiUserChatManager.getInstanceFor(target).getMultiUserChat(consultRoom.getRoom());
            targetRoom.join(Resourcepart.from("target"));
            targetRoom.addMessageListener(this::onMirrored);
            MultiUserChat contactRoom = MultiUserChatManager.getInstanceFor(contacts.get(index / ROUTING_POINTS))
                    .getMultiUserChat(chatRoom.getRoom());
            contactRoom.join(Resourcepart.from("c" + index));
            contactRooms.put(index, contactRoom);
        }
        return contactRooms;
    }

    private static MultiUserChat create(MultiUserChatManager manager, String name) throws Exception {
        MultiUserChat room = manager.getMultiUserChat(JidCreate.entityBareFrom(name + "@conference.localhost"));
        room.create(Resourcepart.from("bot")).makeInstant();
        return room;
    }

    /** The baseline for setup: one client creating and configuring a members-only room, as the service does. */
    private void measureRoomCreation(XMPPTCPConnection maker) throws Exception {
        MultiUserChatManager manager = MultiUserChatManager.getInstanceFor(maker);
        for (int i = 0; i < 50; i++) {
            long start = System.nanoTime();
            MultiUserChat room = manager.getMultiUserChat(JidCreate.entityBareFrom("baseline" + i + "@conference.localhost"));
            room.create(Resourcepart.from("maker"));
            FillableForm form = room.getConfigurationForm().getFillableForm();
            form.setAnswer("muc#roomconfig_membersonly", true);
            form.setAnswer("muc#roomconfig_publicroom", false);
            room.sendConfigurationForm(form);
            roomCreate.recordValue((System.nanoTime() - start) / 1_000);
            room.destroy("baseline done", null);
        }
        maker.disconnect();
    }

    private void say(MultiUserChat room, String text) {
        try {
            room.sendMessage(text);
        } catch (Exception e) {
            System.err.println("send failed: " + e);
        }
    }

    private void onAgentMessage(Message message) {
        long[] line = parse(message.getBody());
        if (line != null && measuring && sentKeys.contains(line[0] + "/" + line[1])) {
            mucHop.recordValue(Math.max(0, (System.nanoTime() - line[2]) / 1_000));
            atAgent.computeIfAbsent(line[0] + "/" + line[1], k -> new AtomicInteger()).incrementAndGet();
        }
    }

    private void onMirrored(Message message) {
        boolean relayed = message.getBody() != null && message.getBody().startsWith("[relay] ");
        if ((MirroredExtension.from(message) == null && !relayed) || message.getBody() == null) {
            return;
        }
        String body = message.getBody();
        int at = body.indexOf(": L ");
        long[] line = at < 0 ? null : parse(body.substring(at + 2));
        if (line != null && measuring && sentKeys.contains(line[0] + "/" + line[1])) {
            mirrorHop.recordValue(Math.max(0, (System.nanoTime() - line[2]) / 1_000));
            atTarget.computeIfAbsent(line[0] + "/" + line[1], k -> new AtomicInteger()).incrementAndGet();
        }
    }

    private void leakCheck(org.jivesoftware.smack.packet.Stanza stanza) {
        String xml = stanza.toXML().toString();
        if (xml.contains("mirrored") || xml.contains("consultation")) {
            leaks.incrementAndGet();
        }
    }

    /** "L interaction seq nanos" → the three numbers, or null for any other line. */
    private static long[] parse(String body) {
        if (body == null || !body.startsWith("L ")) {
            return null;
        }
        String[] parts = body.split(" ");
        return new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2]), Long.parseLong(parts[3])};
    }

    /** The run's accounts: owners and targets (50 chats each), contacts (one per 50 routing points), helpers. */
    private LoadServer.Accounts accounts() {
        Map<String, String> passwords = new LinkedHashMap<>();
        List<String> owners = new ArrayList<>();
        List<String> targets = new ArrayList<>();
        for (int i = 0; i < (interactions + CHATS_PER_AGENT - 1) / CHATS_PER_AGENT; i++) {
            owners.add("owner" + i);
            targets.add("target" + i);
        }
        owners.forEach(owner -> passwords.put(owner, PASSWORD));
        targets.forEach(target -> passwords.put(target, PASSWORD));
        for (int i = 0; i < contacts(); i++) {
            passwords.put("contact" + i, PASSWORD);
        }
        for (String helper : List.of("roommaker", "relaybot", "supervisor")) {
            passwords.put(helper, PASSWORD);
        }
        return new LoadServer.Accounts(passwords, owners, targets, "supervisor");
    }

    private int contacts() {
        return (interactions + ROUTING_POINTS - 1) / ROUTING_POINTS;
    }

    static XMPPTCPConnection connect(int port, String user, String password) throws Exception {
        XMPPTCPConnection connection = new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain("localhost").setHost("127.0.0.1").setPort(port).setSocketFactory(NoDelaySockets.FACTORY)
                .setSecurityMode(ConnectionConfiguration.SecurityMode.disabled)
                .setUsernameAndPassword(user, password).setResource("load").build());
        connection.connect().login();
        return connection;
    }

    private static String percentiles(Histogram h) {
        return ms(h.getValueAtPercentile(50)) + "/" + ms(h.getValueAtPercentile(95)) + "/"
                + ms(h.getValueAtPercentile(99)) + "/" + ms(h.getMaxValue());
    }

    private static String ms(long micros) {
        return String.format("%.1f", micros / 1000.0);
    }

    private static void print(List<Map<String, String>> rows) {
        List<String> columns = new ArrayList<>(rows.get(0).keySet());
        System.out.println();
        System.out.println("| " + String.join(" | ", columns) + " |");
        System.out.println("|" + "---|".repeat(columns.size()));
        for (Map<String, String> row : rows) {
            System.out.println("| " + String.join(" | ", row.values()) + " |");
        }
    }
}
