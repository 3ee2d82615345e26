package org.chatconsult.sdk.example;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.chatconsult.sdk.AgentManager;
import org.chatconsult.sdk.CallManager;
import org.chatconsult.sdk.Consultation;
import org.chatconsult.sdk.ConsultationListener;
import org.chatconsult.sdk.DirectoryEntry;
import org.chatconsult.sdk.Interaction;
import org.chatconsult.sdk.InteractionListener;
import org.chatconsult.sdk.OfferListener;
import org.chatconsult.sdk.TeamCommunicator;
import org.chatconsult.sdk.packet.ConsultationOfferExtension;
import org.chatconsult.sdk.packet.HandoverOfferExtension;
import org.chatconsult.sdk.packet.OfferExtension;
import org.chatconsult.sdk.packet.RevokedExtension;
import org.chatconsult.sdk.packet.TranscriptLine;
import org.jivesoftware.smack.ConnectionConfiguration;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * A small agent desktop in a terminal, written only against the SDK's public API. Type {@code help} for the
 * commands: go Ready, accept or decline offers, chat, search the Team Communicator, consult, IM, call,
 * conference, transfer, end and mark done.
 *
 * <pre>
 * java -cp … org.chatconsult.sdk.example.AgentConsole alice@localhost alice [host] [port]
 * </pre>
 */
public final class AgentConsole implements OfferListener, CallManager.CallListener {
    private static final String HELP = String.join("\n",
            "ready [capacity] | notready [reason] | logout",
            "offers | accept N [nick] | decline N [reason]",
            "chats | say C text | end C | done C [code] [note]",
            "search [text] [ready] | fav [add|rm JID] | recent",
            "consult C JID | conference C JID | transfer C JID warm|cold",
            "consults | csay K text | transcript K | im K text | call K | cend K | cdone K [code] [note]",
            "answer N yes|no | help | quit");

    private final XMPPConnection connection;
    private final AgentManager agents;
    private final TeamCommunicator team;
    private final PrintStream out;
    private final List<Object> offers = new ArrayList<>();
    private final List<CallManager.IncomingCall> calls = new ArrayList<>();

    public AgentConsole(XMPPConnection connection, PrintStream out) {
        this.connection = connection;
        this.agents = AgentManager.getInstanceFor(connection);
        this.team = TeamCommunicator.getInstanceFor(connection);
        this.out = out;
        agents.addOfferListener(this);
        agents.addAgentStateListener(state -> print("state: " + state.getReadiness() + ", " + state.getLoad() + "/"
                + state.getCapacity()));
        CallManager.getInstanceFor(connection).addCallListener(this);
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: AgentConsole <jid> <password> [host] [port]");
            System.exit(2);
        }
        Jid jid = JidCreate.entityBareFrom(args[0]);
        XMPPTCPConnection connection = new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(jid.getDomain().toString())
                .setHost(args.length > 2 ? args[2] : "127.0.0.1")
                .setPort(args.length > 3 ? Integer.parseInt(args[3]) : 5222)
                .setSecurityMode(ConnectionConfiguration.SecurityMode.ifpossible)
                .setUsernameAndPassword(jid.getLocalpartOrNull().toString(), args[1])
                .setResource("console")
                .build());
        connection.connect().login();
        AgentConsole console = new AgentConsole(connection, System.out);
        console.print("connected as " + connection.getUser() + "; type help");
        console.run(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
        connection.disconnect();
    }

    /** Reads commands until {@code quit} or the end of input. */
    public void run(BufferedReader in) throws Exception {
        String line;
        while ((line = in.readLine()) != null) {
            String[] words = line.trim().split("\\s+", 4);
            if (words[0].isEmpty()) {
                continue;
            }
            if (words[0].equals("quit")) {
                return;
            }
            try {
                execute(words);
            } catch (Exception e) {
                print("error: " + e.getMessage());
            }
        }
    }

    private void execute(String[] w) throws Exception {
        switch (w[0]) {
            case "help": print(HELP); break;
            case "ready": if (w.length > 1) { agents.setReady(Integer.parseInt(w[1])); } else { agents.setReady(); } break;
            case "notready": agents.setNotReady(rest(w, 1)); break;
            case "logout": agents.logOut(); break;
            case "offers": listOffers(); break;
            case "accept": accept(offer(w[1]), w.length > 2 ? w[2] : connection.getUser().getLocalpart().toString()); break;
            case "decline": decline(offer(w[1]), rest(w, 2)); break;
            case "chats": listChats(); break;
            case "say": chat(w[1]).send(rest(w, 2)); break;
            case "end": chat(w[1]).end(); break;
            case "done": chat(w[1]).markDone(arg(w, 2), arg(w, 3)); break;
            case "search": search(w); break;
            case "fav": favorites(w); break;
            case "recent": team.getRecent().forEach(r -> print(r.getJid() + " (" + r.getHow() + ", " + r.getAt() + ")")); break;
            case "consult": watch(chat(w[1]).consult(JidCreate.from(w[2]))); print("consultation requested"); break;
            case "conference": print("conference requested: " + chat(w[1]).conference(JidCreate.from(w[2]))); break;
            case "transfer": print("transfer requested: " + chat(w[1]).transfer(JidCreate.from(w[2]), "warm".equals(arg(w, 3)))); break;
            case "consults": listConsultations(); break;
            case "csay": consultation(w[1]).send(rest(w, 2)); break;
            case "transcript": consultation(w[1]).getTranscript().forEach(l -> print(l.toString())); break;
            case "im": print("sent to " + consultation(w[1]).im(rest(w, 2))); break;
            case "call": print("ringing, call " + consultation(w[1]).call().getId()); break;
            case "cend": consultation(w[1]).end(); break;
            case "cdone": consultation(w[1]).markDone(arg(w, 2), arg(w, 3)); break;
            case "answer": answer(Integer.parseInt(w[1]) - 1, "yes".equals(arg(w, 2))); break;
            default: print("unknown command; type help");
        }
    }

    // ---- offers ----------------------------------------------------------------------------------------

    @Override
    public synchronized void offerReceived(OfferExtension offer) {
        offers.add(offer);
        print("offer " + offers.size() + ": chat from " + offer.getContactName() + " via " + offer.getRoutingPointName()
                + ": \"" + offer.getPreview() + "\"");
    }

    @Override
    public synchronized void consultationOfferReceived(ConsultationOfferExtension offer) {
        offers.add(offer);
        print("offer " + offers.size() + ": " + offer.getInitiatorName() + " asks you to consult about "
                + offer.getPreview().getContactName() + "'s chat");
        offer.getPreview().getLines().forEach(line -> print("    " + line.getFrom() + ": " + line.getText()));
    }

    @Override
    public synchronized void handoverOfferReceived(HandoverOfferExtension offer) {
        offers.add(offer);
        print("offer " + offers.size() + ": " + offer.getInitiatorName() + " asks for a " + offer.getKind() + " of "
                + offer.getPreview().getContactName() + "'s chat");
    }

    @Override
    public void offerRevoked(RevokedExtension revoked) {
        print("offer " + revoked.getOffer() + " withdrawn: " + revoked.getReason());
    }

    private synchronized Object offer(String number) {
        return offers.get(Integer.parseInt(number) - 1);
    }

    private synchronized void listOffers() {
        for (int i = 0; i < offers.size(); i++) {
            print((i + 1) + ": " + offers.get(i).getClass().getSimpleName().replace("Extension", ""));
        }
    }

    private void accept(Object offer, String nick) throws Exception {
        if (offer instanceof OfferExtension) {
            watch(agents.accept((OfferExtension) offer, nick));
        } else if (offer instanceof HandoverOfferExtension) {
            watch(agents.accept((HandoverOfferExtension) offer, nick));
        } else {
            watch(agents.accept((ConsultationOfferExtension) offer, nick));
        }
    }

    private void decline(Object offer, String reason) throws Exception {
        String id = offer instanceof OfferExtension ? ((OfferExtension) offer).getId()
                : offer instanceof HandoverOfferExtension ? ((HandoverOfferExtension) offer).getId()
                : ((ConsultationOfferExtension) offer).getId();
        agents.decline(id, reason);
    }

    // ---- chats and consultations -----------------------------------------------------------------------

    private void watch(Interaction chat) {
        print("chat " + chat.getId() + " accepted");
        chat.addListener(new InteractionListener() {
            @Override
            public void messageReceived(Interaction interaction, Message message) {
                print("[" + interaction.getId() + "] " + message.getFrom().getResourceOrEmpty() + ": "
                        + message.getBody());
            }

            @Override
            public void ended(Interaction interaction, String reason) {
                print("chat " + interaction.getId() + " ended: " + reason);
            }
        });
    }

    private void watch(Consultation consultation) {
        print("consultation " + consultation.getId() + " about chat " + consultation.getInteractionId());
        consultation.addListener(new ConsultationListener() {
            @Override
            public void lineMirrored(Consultation c, TranscriptLine line) {
                print("{" + c.getId() + " transcript} " + line.getFrom() + " (" + line.getRole() + "): " + line.getText());
            }

            @Override
            public void messageReceived(Consultation c, Message message) {
                print("{" + c.getId() + "} " + message.getFrom().getResourceOrEmpty() + ": " + message.getBody());
            }

            @Override
            public void accepted(Consultation c, String target) {
                print("consultation " + c.getId() + " accepted by " + target);
            }

            @Override
            public void ended(Consultation c, String reason) {
                print("consultation " + c.getId() + " ended: " + reason);
            }
        });
    }

    private Interaction chat(String idOrNumber) {
        return pick(agents.getInteractions(), idOrNumber, Interaction::getId);
    }

    private Consultation consultation(String idOrNumber) {
        return pick(agents.getConsultations(), idOrNumber, Consultation::getId);
    }

    private static <T> T pick(List<T> items, String idOrNumber, java.util.function.Function<T, String> id) {
        for (T item : items) {
            if (id.apply(item).equals(idOrNumber)) {
                return item;
            }
        }
        int index = Integer.parseInt(idOrNumber) - 1;
        if (index < 0 || index >= items.size()) {
            throw new IllegalArgumentException("no such chat or consultation: " + idOrNumber);
        }
        return items.get(index);
    }

    private void listChats() {
        List<Interaction> chats = agents.getInteractions();
        for (int i = 0; i < chats.size(); i++) {
            print((i + 1) + ": " + chats.get(i).getId() + " with " + chats.get(i).getParticipants().size() + " in the room");
        }
    }

    private void listConsultations() {
        List<Consultation> consultations = agents.getConsultations();
        for (int i = 0; i < consultations.size(); i++) {
            Consultation c = consultations.get(i);
            print((i + 1) + ": " + c.getId() + " about chat " + c.getInteractionId() + ", target " + c.getTarget()
                    + ", " + c.getTranscript().size() + " transcript lines");
        }
    }

    // ---- Team Communicator ------------------------------------------------------------------------------

    private void search(String[] w) throws Exception {
        List<String> words = new ArrayList<>(Arrays.asList(w).subList(1, w.length));
        boolean readyOnly = words.remove("ready");
        Set<DirectoryEntry.Kind> kinds = EnumSet.allOf(DirectoryEntry.Kind.class);
        team.search(String.join(" ", words), kinds, readyOnly).forEach(entry -> print(entry.toString()));
    }

    private void favorites(String[] w) throws Exception {
        List<Jid> favorites = w.length < 3 ? team.getFavorites()
                : w[1].equals("add") ? team.addFavorite(JidCreate.from(w[2])) : team.removeFavorite(JidCreate.from(w[2]));
        favorites.forEach(jid -> print("* " + jid));
    }

    // ---- calls ------------------------------------------------------------------------------------------

    @Override
    public synchronized void proposed(CallManager.IncomingCall call) {
        calls.add(call);
        print("call " + calls.size() + " from " + call.getCaller() + " (" + call.getMedia() + "): answer "
                + calls.size() + " yes|no");
    }

    @Override
    public void answered(String callId, Jid callee, boolean accepted) {
        print("call " + callId + (accepted ? " accepted by " : " rejected by ") + callee);
    }

    private synchronized void answer(int index, boolean yes) throws Exception {
        if (yes) {
            calls.get(index).accept();
        } else {
            calls.get(index).reject();
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private static String arg(String[] words, int index) {
        return words.length > index ? words[index] : null;
    }

    private static String rest(String[] words, int from) {
        return words.length > from ? String.join(" ", Arrays.asList(words).subList(from, words.length)) : null;
    }

    private void print(String text) {
        synchronized (out) {
            out.println(text);
            out.flush();
        }
    }
}
