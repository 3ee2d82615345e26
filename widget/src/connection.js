// The XMPP session: anonymous login over WebSocket (RFC 7395), BOSH (XEP-0206) when the WebSocket fails, and the
// answers every client owes: disco#info (XEP-0030) without MUC, so the service bridges the chat 1:1, and pings.

import { Strophe, $iq, $msg, $pres } from 'strophe.js';
import { NS } from './notices.js';

const DISCO_INFO = 'http://jabber.org/protocol/disco#info';
const PING = 'urn:xmpp:ping';
const FEATURES = [DISCO_INFO, PING, NS.CHATSTATES, NS.RECEIPTS];
const FAILED = [Strophe.Status.CONNFAIL, Strophe.Status.AUTHFAIL, Strophe.Status.ERROR,
    Strophe.Status.CONNTIMEOUT, Strophe.Status.DISCONNECTED];

function answerDisco(connection, iq) {
    const query = $iq({ type: 'result', to: iq.getAttribute('from'), id: iq.getAttribute('id') })
        .c('query', { xmlns: DISCO_INFO, node: iq.firstElementChild?.getAttribute('node') || undefined })
        .c('identity', { category: 'client', type: 'web', name: 'ChatConsult web chat' }).up();
    FEATURES.forEach(feature => query.c('feature', { var: feature }).up());
    connection.send(query);
    return true;
}

function answerPing(connection, iq) {
    connection.send($iq({ type: 'result', to: iq.getAttribute('from'), id: iq.getAttribute('id') }));
    return true;
}

/**
 * Logs in and keeps the session. `onStatus(status, transport)` hears 'connecting', 'connected', 'disconnected'
 * (after having been connected) and 'failed' (no transport worked); `onMessage(element)` every message stanza.
 */
export function openConnection({ websocket, bosh, domain, routingPoint }, { onStatus, onMessage }) {
    const transports = [['websocket', websocket], ['bosh', bosh]].filter(([, url]) => url);
    let connection;

    function attempt(index) {
        const [transport, url] = transports[index];
        let connected = false;
        let done = false;
        connection = new Strophe.Connection(url);
        onStatus('connecting', transport);
        connection.connect(domain, null, status => {
            if (status === Strophe.Status.CONNECTED) {
                connected = true;
                connection.addHandler(stanza => { onMessage(stanza); return true; }, null, 'message', null);
                connection.addHandler(iq => answerDisco(connection, iq), DISCO_INFO, 'iq', 'get');
                connection.addHandler(iq => answerPing(connection, iq), PING, 'iq', 'get');
                connection.send($pres());
                onStatus('connected', transport);
            } else if (FAILED.includes(status) && !done) {
                done = true; // Strophe reports a failure more than once (CONNFAIL, then DISCONNECTED)
                if (connected) onStatus('disconnected', transport);
                else if (index + 1 < transports.length) attempt(index + 1);
                else onStatus('failed', transport);
            }
        });
    }

    if (transports.length) attempt(0);
    else onStatus('failed');

    return {
        newId: () => connection.getUniqueId('cc'),
        /** One chat message to the routing point: a body, a chat state, a receipt request, a resume token. */
        sendMessage({ id, body, chatState, receipt, resumeToken }) {
            const message = $msg({ to: routingPoint, type: 'chat', id: id || connection.getUniqueId('cc') });
            if (body !== undefined) message.c('body').t(body).up();
            if (chatState) message.c(chatState, { xmlns: NS.CHATSTATES }).up();
            if (receipt) message.c('request', { xmlns: NS.RECEIPTS }).up();
            if (resumeToken) message.c('resume', { xmlns: NS.CHATCONSULT, token: resumeToken }).up();
            connection.send(message);
        },
        disconnect: () => connection?.disconnect(),
    };
}
