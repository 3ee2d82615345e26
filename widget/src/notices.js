// Turns a message stanza (a DOM Element) from the routing point into the events the chat reacts to.
// Pure: no Strophe, no browser; the tests feed it elements parsed by @xmldom/xmldom.

export const NS = {
    CHATCONSULT: 'urn:chatconsult:0',
    CHATSTATES: 'http://jabber.org/protocol/chatstates',
    RECEIPTS: 'urn:xmpp:receipts',
    SID: 'urn:xmpp:sid:0',
    STANZAS: 'urn:ietf:params:xml:ns:xmpp-stanzas',
};

const CHAT_STATES = ['active', 'composing', 'paused', 'inactive', 'gone'];
const JOINED = /^(.+) has joined the chat\.$/;
const WELCOME = /^Thank you for contacting /;
const AGENT_LINE = /^([^:\n]+): ([\s\S]*)$/;

export function bareJid(jid) {
    const bare = (jid || '').split('/')[0];
    return bare.toLowerCase();
}

function child(element, ns, name) {
    for (let node = element.firstChild; node; node = node.nextSibling) {
        if (node.nodeType === 1 && node.namespaceURI === ns && (!name || node.localName === name)) {
            return node;
        }
    }
    return null;
}

function attr(element, name) {
    const value = element.getAttribute(name);
    return value === null || value === '' ? undefined : value;
}

function number(element, name) {
    const value = Number.parseInt(element.getAttribute(name), 10);
    return Number.isFinite(value) && value > 0 ? value : undefined;
}

/** What the body of a notice without an element of ours says. */
function fromBody(message, text) {
    const originId = child(message, NS.SID, 'origin-id');
    const agentLine = AGENT_LINE.exec(text);
    // A relayed room line carries its id as origin-id: it is a line, whatever it says.
    if (originId && agentLine) {
        return { type: 'line', from: agentLine[1], text: agentLine[2], id: attr(originId, 'id') };
    }
    const joined = JOINED.exec(text);
    if (joined) {
        return { type: 'joined', name: joined[1], text };
    }
    if (WELCOME.test(text)) {
        return { type: 'welcome', text };
    }
    if (agentLine) {
        return { type: 'line', from: agentLine[1], text: agentLine[2], id: attr(message, 'id') };
    }
    return { type: 'notice', text };
}

function errorEvent(message) {
    const error = findByName(message, 'error');
    const condition = error && child(error, NS.STANZAS);
    return { type: 'error', id: attr(message, 'id'), condition: condition ? condition.localName : 'undefined-condition' };
}

function findByName(element, name) {
    for (let node = element.firstChild; node; node = node.nextSibling) {
        if (node.nodeType === 1 && node.localName === name) return node;
    }
    return null;
}

/**
 * The events of one message stanza from the routing point, in the order the chat should apply them;
 * an empty list for a stanza from anyone else, or one that says nothing we know.
 */
export function parseMessage(message, routingPoint) {
    if (!message || message.nodeType !== 1 || message.localName !== 'message'
            || bareJid(message.getAttribute('from')) !== bareJid(routingPoint)) {
        return [];
    }
    if (message.getAttribute('type') === 'error') {
        return [errorEvent(message)];
    }
    const events = [];
    const bodyElement = findByName(message, 'body');
    const text = bodyElement ? bodyElement.textContent : '';
    const queue = child(message, NS.CHATCONSULT, 'queue');
    const ended = child(message, NS.CHATCONSULT, 'ended');
    const resume = child(message, NS.CHATCONSULT, 'resume');
    const received = child(message, NS.RECEIPTS, 'received');
    if (received && attr(received, 'id')) {
        events.push({ type: 'receipt', id: attr(received, 'id') });
    }
    if (ended) {
        events.push({ type: 'ended', reason: attr(ended, 'reason') || 'service-error',
            interaction: attr(ended, 'interaction'), text });
    } else if (queue) {
        const position = number(queue, 'position');
        if (position) {
            events.push({ type: 'queue', position, wait: number(queue, 'wait'),
                interaction: attr(queue, 'interaction'), text });
        }
    } else if (resume) {
        events.push({ type: 'welcome', token: attr(resume, 'token'), interaction: attr(resume, 'interaction'),
            text });
    } else if (text.trim()) {
        events.push(fromBody(message, text));
    }
    const state = CHAT_STATES.find(name => child(message, NS.CHATSTATES, name));
    if (state) {
        events.push({ type: 'chatstate', state });
    }
    return events;
}
