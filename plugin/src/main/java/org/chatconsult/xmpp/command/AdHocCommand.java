package org.chatconsult.xmpp.command;

import java.util.concurrent.CompletableFuture;

import org.xmpp.forms.DataForm;

/**
 * One XEP-0050 ad-hoc command: what a stock client lists and runs. {@link AdHocCommands} speaks the protocol
 * (actions, sessions, who may see what); a command only says what it asks for and what it does.
 */
public interface AdHocCommand {
    /** The command's node, its id on the wire. */
    String node();

    /** Its name as clients list it. */
    String name();

    /** Whether {@code requester} (a bare address) may run it, and so sees it listed. */
    boolean allows(String requester);

    /** Who may run it, in words, for the refusal of anyone else. */
    String whoMay();

    /** Executed without a form: the form to fill in (XEP-0050 §3.4), or for a single-stage command its result. */
    CompletableFuture<Stage> start(String requester);

    /** The filled-in form: does what it asks, and completes with a note for the requester. */
    CompletableFuture<Stage> complete(String requester, DataForm form);

    /** A single-stage command completes on execute, whatever the action (no form comes back). */
    default boolean singleStage() {
        return false;
    }

    /** What a stage answers: a form to fill in, or the command completed with a result form or a note. */
    record Stage(boolean completed, DataForm form, String note) {
        public static Stage fillIn(DataForm form) {
            return new Stage(false, form, null);
        }

        public static Stage done(String note) {
            return new Stage(true, null, note);
        }

        public static Stage result(DataForm form) {
            return new Stage(true, form, null);
        }
    }
}
