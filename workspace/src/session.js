// The agent's XMPP session: a password login over WebSocket (RFC 7395), BOSH (XEP-0206) when the WebSocket
// fails; requests that resolve with their one answer (RFC 6120 §8.2.3); rooms entered and left (XEP-0045).

import { Strophe, $pres } from 'strophe.js';
import { NS, readStanza, writeStanza } from './protocol.js';

const FAILED = [Strophe.Status.CONNFAIL, Strophe.Status.AUTHFAIL, Strophe.Status.ERROR,
    Strophe.Status.CONNTIMEOUT, Strophe.Status.DISCONNECTED];
const REQUEST_TIMEOUT_MS = 30000;

/** The address an agent typed: a bare user name gets the page's domain. */
export function loginAddress(user, domain) {
    const trimmed = user.trim();
    return trimmed.includes('@') ? trimmed : `${trimmed}@${domain}`;
}

/**
 * Logs in; `onStatus(status, detail)` hears 'connecting', 'connected', 'auth-failed', 'failed' and
 * 'disconnected'; `onStanza(element)` every message and presence.
 */
export function openSession({ websocket, bosh }, jid, password, { onStatus, onStanza }) {
    const transports = [websocket, bosh].filter(Boolean);
    let connection;

    function attempt(index) {
        let connected = false;
        let done = false;
        connection = new Strophe.Connection(transports[index]);
        onStatus('connecting');
        connection.connect(jid, password, status => {
            if (status === Strophe.Status.CONNECTED) {
                connected = true;
                connection.addHandler(stanza => { onStanza(stanza); return true; }, null, 'message');
                connection.addHandler(stanza => { onStanza(stanza); return true; }, null, 'presence');
                connection.send($pres());
                onStatus('connected', connection.jid);
            } else if (status === Strophe.Status.AUTHFAIL && !done) {
                done = true;
                onStatus('auth-failed');
            } else if (FAILED.includes(status) && !done) {
                done = true; // Strophe reports a failure more than once (CONNFAIL, then DISCONNECTED)
                if (connected) onStatus('disconnected');
                else if (index + 1 < transports.length) attempt(index + 1);
                else onStatus('failed');
            }
        });
    }
    attempt(0);

    // Stanza objects and the search request are XML text; Strophe sends elements.
    const element = stanza => new DOMParser()
        .parseFromString(typeof stanza === 'string' ? stanza : writeStanza(stanza), 'text/xml').documentElement;

    return {
        jid: () => connection.jid,
        /** Sends a stanza object of protocol.js, or its XML. */
        send(stanza) {
            const node = element(stanza);
            if (node.localName !== 'presence' && !node.getAttribute('id')) {
                node.setAttribute('id', connection.getUniqueId('ws'));
            }
            connection.send(node);
        },
        /** An IQ; resolves with its result element, rejects with the error as protocol.js reads it. */
        request(stanza) {
            return new Promise((resolve, reject) => {
                connection.sendIQ(element(stanza), resolve, answer => reject(answer
                    ? (readStanza(answer).error || { condition: 'unknown' }) : { condition: 'remote-server-timeout' }),
                REQUEST_TIMEOUT_MS);
            });
        },
        /** Enters a room with its whole history (XEP-0045 §7.2.15); the server's answer comes as presence. */
        enterRoom(room, nick) {
            connection.send($pres({ to: `${room}/${nick}` }).c('x', { xmlns: NS.MUC })
                .c('history', { maxstanzas: '200' }));
        },
        leaveRoom(room, nick) {
            connection.send($pres({ to: `${room}/${nick}`, type: 'unavailable' }));
        },
        disconnect: () => connection?.disconnect(),
    };
}
