package org.chatconsult.xmpp.command;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.xmpp.forms.DataForm;

/**
 * One XEP-0050 ad-hoc command: what a stock client lists and runs. {@link AdHocCommands} speaks the protocol
 * (actions, sessions, who may see what); a command only says what it asks for at each stage and what it does.
 */
public interface AdHocCommand {
    /** The command's node, its id on the wire. */
    String node();

    /** Its name as clients list it. */
    String name();

    /** Whether {@code requester} (a bare address) may run it, and so sees it listed. */
    boolean allows(String requester);

    /**
     * Whether anyone it does not allow hears what an unknown node hears (item-not-found), not a refusal: so that
     * nobody learns the command exists.
     */
    default boolean unknownToOthers() {
        return false;
    }

    /** Who may run it, in words, for the refusal of anyone else. */
    String whoMay();

    /** Executed (XEP-0050 §3.4): the first form to fill in, or for a single-stage command its result. */
    CompletableFuture<Stage> start(String requester);

    /**
     * The forms filled in so far, one per stage in order, the newest last (the session keeps the earlier ones,
     * XEP-0050 §4): the next form, or the command done.
     */
    CompletableFuture<Stage> next(String requester, List<DataForm> answers);

    /** What a stage answers: a form to fill in, or the command completed with a result form or a note. */
    record Stage(boolean completed, boolean last, DataForm form, String note) {
        /** A form with more stages after it (the client's default action is next). */
        public static Stage ask(DataForm form) {
            return new Stage(false, false, form, null);
        }

        /** The command's last form (the client's default action is complete). */
        public static Stage fillIn(DataForm form) {
            return new Stage(false, true, form, null);
        }

        public static Stage done(String note) {
            return new Stage(true, true, null, note);
        }

        public static Stage result(DataForm form) {
            return new Stage(true, true, form, null);
        }
    }
}
