// The ChatConsult wire protocol (docs/protocol.md) for browsers, read and written by one rule set: a stanza is
// the plain object the shared fixtures (protocol/fixtures) describe, so this module and the Java SDK are tested
// against the same files. Pure DOM: no Strophe, no browser; the tests hand it @xmldom/xmldom elements.

export const NS = {
    CLIENT: 'jabber:client',
    CHATCONSULT: 'urn:chatconsult:0',
    STANZAS: 'urn:ietf:params:xml:ns:xmpp-stanzas',
    MUC: 'http://jabber.org/protocol/muc',
    MUC_USER: 'http://jabber.org/protocol/muc#user',
    CHATSTATES: 'http://jabber.org/protocol/chatstates',
    SEARCH: 'jabber:iq:search',
    DATA: 'jabber:x:data',
    JINGLE_MESSAGE: 'urn:xmpp:jingle-message:0',
    JINGLE_RTP: 'urn:xmpp:jingle:apps:rtp:1',
};

const INTEGERS = new Set(['seq', 'position', 'wait', 'capacity', 'load', 'after']);
const PLURALS = { line: 'lines', event: 'events', item: 'items', chat: 'chats', supervision: 'supervisions',
    add: 'adds', remove: 'removes' };
const SINGULARS = Object.fromEntries(Object.entries(PLURALS).map(([one, many]) => [many, one]));
/** Children written as text elements rather than attributes, per element we send. */
const TEXT_CHILDREN = { decline: ['reason'], done: ['note'] };
const STANZA_ATTRIBUTES = ['type', 'from', 'to'];

export const camel = name => name.replace(/-([a-z])/g, (_, letter) => letter.toUpperCase());
export const kebab = name => name.replace(/[A-Z]/g, letter => `-${letter.toLowerCase()}`);

/** The child elements of an element, in order. */
export function elements(parent) {
    const found = [];
    for (let node = parent.firstChild; node; node = node.nextSibling) {
        if (node.nodeType === 1) found.push(node);
    }
    return found;
}

function ownText(element) {
    let text = '';
    for (let node = element.firstChild; node; node = node.nextSibling) {
        if (node.nodeType === 3 || node.nodeType === 4) text += node.nodeValue;
    }
    return text;
}

function value(element, name, raw) {
    // A supervision says whether it mirrors consultations; a chat of the live list how many it has.
    if (name === 'consultations' && element.localName === 'supervision') return raw === 'true';
    if (name === 'consultations' && element.localName === 'chat') return Number.parseInt(raw, 10);
    return INTEGERS.has(name) ? Number.parseInt(raw, 10) : raw;
}

/** One element of ours as a plain object (the rules of protocol/fixtures/README.md). */
export function readElement(element) {
    const read = { element: element.localName };
    for (const attribute of Array.from(element.attributes)) {
        if (attribute.name === 'xmlns' || attribute.name.startsWith('xmlns:')) continue;
        read[camel(attribute.name)] = value(element, attribute.name, attribute.value);
    }
    for (const child of elements(element)) {
        const plural = PLURALS[child.localName];
        const item = child.attributes.length ? withoutName(readElement(child)) : ownText(child);
        if (plural) (read[plural] ||= []).push(item);
        else read[camel(child.localName)] = item;
    }
    const text = ownText(element);
    if (text.trim() && !elements(element).length) read.text = text;
    return read;
}

function withoutName({ element, ...rest }) {
    return rest;
}

/** The first child element in {@code ns} (of that name, when given), or null. */
export function child(element, ns, name) {
    return elements(element).find(node => node.namespaceURI === ns && (!name || node.localName === name)) || null;
}

/** What a client reads of a stanza: its kind, addresses, body, our one element and any error. */
export function readStanza(stanza) {
    const read = { stanza: stanza.localName };
    for (const name of STANZA_ATTRIBUTES) {
        if (stanza.getAttribute(name)) read[name] = stanza.getAttribute(name);
    }
    const body = child(stanza, NS.CLIENT, 'body') || child(stanza, null, 'body');
    if (body) read.body = ownText(body);
    for (const name of ['show', 'status']) {
        const found = stanza.localName === 'presence' && (child(stanza, NS.CLIENT, name) || child(stanza, null, name));
        if (found) read[name] = ownText(found);
    }
    const ours = child(stanza, NS.CHATCONSULT);
    if (ours) read.payload = readElement(ours);
    const error = read.type === 'error' && (child(stanza, NS.CLIENT, 'error') || child(stanza, null, 'error'));
    if (error) read.error = readError(error);
    return read;
}

function readError(error) {
    const read = { type: error.getAttribute('type') };
    for (const node of elements(error)) {
        if (node.namespaceURI !== NS.STANZAS) continue;
        if (node.localName === 'text') read.text = ownText(node);
        else read.condition = node.localName;
    }
    return read;
}

const escape = text => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

function tag(name, attributes, inner) {
    const written = Object.entries(attributes).filter(([, v]) => v !== undefined)
        .map(([key, v]) => ` ${key}="${escape(v)}"`).join('');
    return inner ? `<${name}${written}>${inner}</${name}>` : `<${name}${written}/>`;
}

/** Writes a stanza object (the same shape readStanza gives) as XML, each namespace declared where it starts. */
export function writeStanza(stanza) {
    const inner = ['show', 'status', 'body'].filter(name => stanza[name] !== undefined)
        .map(name => tag(name, {}, escape(stanza[name]))).join('')
        + (stanza.payload ? writeElement(stanza.payload, { xmlns: NS.CHATCONSULT }) : '');
    return tag(stanza.stanza, { xmlns: NS.CLIENT, type: stanza.type, from: stanza.from, to: stanza.to }, inner);
}

function writeElement({ element: name, ...fields }, declared = {}) {
    const attributes = { ...declared };
    const textChildren = TEXT_CHILDREN[name] || [];
    let inner = '';
    for (const [key, field] of Object.entries(fields)) {
        if (field === undefined) continue;
        if (key === 'text') inner += escape(field);
        else if (Array.isArray(field)) inner += field.map(item => writeElement({ element: SINGULARS[key], ...item })).join('');
        else if (textChildren.includes(key)) inner += tag(kebab(key), {}, escape(field));
        else attributes[kebab(key)] = field;
    }
    return tag(name, attributes, inner);
}

// What a client asks of the service (docs/protocol.md), each as the stanza object writeStanza sends.

const set = (service, payload) => ({ stanza: 'iq', type: 'set', to: service, payload });
const get = (service, payload) => ({ stanza: 'iq', type: 'get', to: service, payload });
const optional = text => (text ? text : undefined);

export const requests = {
    /** Readiness is presence (RFC 6121 §4.6): no show is Ready, away Not Ready with the reason as status. */
    readiness: (service, { ready, reason, capacity }) => ({
        stanza: 'presence', to: service,
        show: ready ? undefined : 'away', status: ready ? undefined : optional(reason),
        payload: capacity ? { element: 'agent', capacity } : undefined,
    }),
    decline: (service, { offer, reason }) => set(service, { element: 'decline', offer, reason: optional(reason) }),
    end: (service, { interaction }) => set(service, { element: 'end', interaction }),
    doneChat: (service, { interaction, disposition, note }) => set(service,
        { element: 'done', interaction, disposition: optional(disposition), note: optional(note) }),
    consult: (service, { interaction, target }) => set(service, { element: 'consult', interaction, target }),
    endConsultation: (service, { consultation }) => set(service, { element: 'end-consultation', consultation }),
    doneConsultation: (service, { consultation, disposition, note }) => set(service,
        { element: 'done', consultation, disposition: optional(disposition), note: optional(note) }),
    im: (service, { consultation }) => set(service, { element: 'im', consultation }),
    call: (service, { consultation }) => set(service, { element: 'call', consultation }),
    history: (service, { interaction }) => get(service, { element: 'history', interaction }),
    /** The chat's stored record, as text or JSON (docs/protocol.md: Stored records). */
    export: (service, { interaction, format }) => get(service, { element: 'export', interaction, format }),
    transcript: (service, { consultation, after }) => get(service, { element: 'transcript', consultation, after }),
    conference: (service, { interaction, target }) => set(service, { element: 'conference', interaction, target }),
    transfer: (service, { interaction, target, mode }) => set(service,
        { element: 'transfer', interaction, target, mode }),
    favorites: service => get(service, { element: 'favorites' }),
    changeFavorites: (service, { add = [], remove = [] }) => set(service, { element: 'favorites',
        adds: add.length ? add.map(jid => ({ jid })) : undefined,
        removes: remove.length ? remove.map(jid => ({ jid })) : undefined }),
    recent: service => get(service, { element: 'recent' }),
    supervise: service => get(service, { element: 'supervise' }),
    monitor: (service, { interaction, consultations }) => set(service,
        { element: 'monitor', interaction, consultations: consultations ? 'true' : undefined }),
    whisper: (service, { supervision, text }) => set(service, { element: 'whisper', supervision, text }),
    barge: (service, { supervision }) => set(service, { element: 'barge', supervision }),
    endSupervision: (service, { supervision }) => set(service, { element: 'end-supervision', supervision }),
};

// Messages of the standards beside ours, as XML.

/** A chat state said in a room (XEP-0085 §5.5): a groupchat message without a body. */
export const chatState = (room, state) => tag('message', { xmlns: NS.CLIENT, type: 'groupchat', to: room },
    tag(state, { xmlns: NS.CHATSTATES }));

/** An IM to the other member of a consultation, naming it (docs/protocol.md: IM and call the other party). */
export const consultationIm = (to, text, { interaction, consultation }) => tag('message',
    { xmlns: NS.CLIENT, type: 'chat', to }, tag('body', {}, escape(text))
        + tag('context', { xmlns: NS.CHATCONSULT, interaction, consultation }));

/** A call proposal to the other member's session (XEP-0353), audio. */
export const callProposal = (to, id) => tag('message', { xmlns: NS.CLIENT, to },
    tag('propose', { xmlns: NS.JINGLE_MESSAGE, id }, tag('description', { xmlns: NS.JINGLE_RTP, media: 'audio' })));

/** The reasons the service gives, in words an agent reads (docs/protocol.md: Offers, Ending, Consultation). */
export const REASONS = {
    declined: 'declined', timeout: 'not answered in time', 'agent-unavailable': 'you are not available',
    'interaction-ended': 'the chat ended', taken: 'another agent accepted it', 'consultation-ended': 'it ended',
    'no-ready-target': 'nobody was ready', 'ended-by-initiator': 'ended by the initiator',
    'ended-by-target': 'ended by the consulted agent', 'service-error': 'a service error',
    'contact-left': 'the contact left', 'agent-ended': 'the agent ended it', 'queue-timeout': 'nobody took it in time',
    'supervisor-ended': 'a supervisor ended it',
};

// Directory search (XEP-0055 with a XEP-0004 form): the Team Communicator's search as you type.

/** The search request: a submitted form with the text and every kind of target. */
export function searchRequest(service, text) {
    const field = (name, values) => tag('field', { var: name }, values.map(v => tag('value', {}, escape(v))).join(''));
    const form = tag('x', { xmlns: NS.DATA, type: 'submit' }, field('FORM_TYPE', [NS.SEARCH]) + field('text', [text])
        + field('kind', ['agent', 'routing-point', 'group']));
    return tag('iq', { xmlns: NS.CLIENT, type: 'set', to: service }, tag('query', { xmlns: NS.SEARCH }, form));
}

/** The items of a search result: one object per match, keyed by the reported fields. */
export function readSearchResult(iq) {
    const query = child(iq, NS.SEARCH, 'query');
    const form = query && child(query, NS.DATA, 'x');
    if (!form) return [];
    return elements(form).filter(node => node.localName === 'item').map(item => {
        const read = {};
        elements(item).forEach(field => {
            const values = elements(field).map(ownText);
            read[camel(field.getAttribute('var'))] = values[0];
        });
        read.load = read.load === undefined ? undefined : Number.parseInt(read.load, 10);
        read.capacity = read.capacity === undefined ? undefined : Number.parseInt(read.capacity, 10);
        read.favorite = read.favorite === '1' || read.favorite === 'true';
        return read;
    });
}
