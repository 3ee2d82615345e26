// What the agent's screen shows, kept from the stanzas she receives and the answers to her requests: readiness,
// offers, her chats with their consultations, consultations she was asked into, supervisions. Pure: the session
// is handed in, so the tests drive it with parsed fixtures and a recording session.

import {
    NS, REASONS, callProposal, chatState, child, consultationIm, elements, readSearchResult, readStanza, requests,
    searchRequest,
} from './protocol.js';

const bare = jid => (jid || '').split('/')[0].toLowerCase();
const local = jid => bare(jid).split('@')[0];
const resource = jid => ((jid || '').includes('/') ? jid.slice(jid.indexOf('/') + 1) : '');
const TRANSCRIPT_NICK = 'Transcript';
const CHAT_STATES = ['active', 'composing', 'paused', 'inactive', 'gone'];

/** A line of a room, with a key that recognises the same line given again (a room's history on re-entry). */
function roomLine(stanza, from, body) {
    const delay = child(stanza, 'urn:xmpp:delay', 'delay');
    const time = delay ? delay.getAttribute('stamp') : new Date().toISOString();
    return { key: stanza.getAttribute('id') || `${from}|${body}`, from, text: body, time };
}

export class Workspace {
    constructor({ service, session, now = () => Date.now() }) {
        this.service = service;
        this.session = session;
        this.now = now;
        this.listeners = new Set();
        this.state = {
            me: null, connection: 'signed-out', readiness: { readiness: 'logged-out' },
            offers: [], chats: [], consultations: [], supervisions: [], notices: [],
            supervisor: false, liveChats: [], selected: null,
        };
    }

    subscribe(listener) {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
    }

    update(change) {
        this.state = { ...this.state, ...change };
        this.listeners.forEach(listener => listener(this.state));
    }

    notice(text) {
        this.update({ notices: [...this.state.notices.slice(-4), { text, time: this.now() }] });
    }

    get nick() {
        return local(this.state.me);
    }

    // What arrives.

    connected(jid) {
        this.update({ me: jid, connection: 'connected' });
    }

    receive(stanza) {
        const read = readStanza(stanza);
        if (read.stanza === 'presence') this.presence(stanza, read);
        else if (read.stanza === 'message') this.message(stanza, read);
    }

    presence(stanza, read) {
        if (bare(read.from) === this.service && read.payload?.element === 'agent') {
            this.update({ readiness: { ...read.payload, status: read.status } });
            return;
        }
        const room = bare(read.from);
        const user = child(stanza, NS.MUC_USER, 'x');
        const codes = user ? elements(user).filter(n => n.localName === 'status').map(n => n.getAttribute('code')) : [];
        const self = codes.includes('110') || resource(read.from) === this.nick;
        if (!self) return;
        if (read.type === 'error') {
            this.roomGone(room, 'the room refused entry');
        } else if (read.type === 'unavailable') {
            const destroy = user && elements(user).find(n => n.localName === 'destroy');
            const reason = destroy && elements(destroy).find(n => n.localName === 'reason');
            this.roomGone(room, reason ? reason.textContent : 'you left the room');
        } else {
            this.roomEntered(room);
        }
    }

    message(stanza, read) {
        const payload = read.payload;
        if (read.type === 'error') return;
        if (read.type === 'groupchat') {
            this.roomMessage(stanza, read);
            return;
        }
        switch (payload?.element) {
        case 'offer':
            this.addOffer({ kind: 'chat', ...payload, text: read.body });
            return;
        case 'consultation-offer':
            this.addOffer({ kind: 'consultation', ...payload, text: read.body });
            return;
        case 'handover-offer':
            this.addOffer({ ...payload, text: read.body }); // kind: conference, warm-transfer or cold-transfer
            return;
        case 'revoked':
            this.update({ offers: this.state.offers.filter(offer => offer.id !== payload.offer) });
            this.notice(`The offer was withdrawn: ${REASONS[payload.reason] || payload.reason}.`);
            return;
        case 'consultation-accepted':
            this.changeConsultation(payload.consultation, { state: 'active',
                other: { jid: payload.target, name: payload.name } });
            return;
        case 'consultation-ended':
            this.changeConsultation(payload.consultation, { state: 'ended', reason: payload.reason });
            return;
        case 'handover-accepted':
        case 'handover-released':
            this.changeChat(payload.interaction, { handover: null });
            this.noteInChat(payload.interaction, read.body);
            return;
        case 'supervised':
            this.noteInChat(payload.interaction, read.body);
            return;
        case 'context':
            this.changeConsultationWith(payload.consultation, c => ({ im: [...c.im, { from: local(read.from),
                text: read.body, time: new Date(this.now()).toISOString() }] }));
            return;
        default:
            if (child(stanza, NS.JINGLE_MESSAGE, 'propose')) this.notice(`${local(read.from)} is calling you.`);
        }
    }

    roomMessage(stanza, read) {
        const room = bare(read.from);
        const nick = resource(read.from);
        const mirrored = read.payload?.element === 'mirrored' ? read.payload : null;
        if (mirrored) {
            const line = { seq: mirrored.seq, from: mirrored.from, role: mirrored.role, time: mirrored.time,
                text: read.body.replace(/^\[[0-9:]+\] [^:]*: /, ''), consultation: mirrored.consultation };
            const append = lines => (lines.some(l => l.seq === line.seq && l.consultation === line.consultation)
                ? lines : [...lines, line]);
            this.changeConsultationWith(mirrored.consultation && !mirrored.supervision
                ? mirrored.consultation : null, c => ({ mirrored: append(c.mirrored) }));
            if (mirrored.supervision) {
                this.changeSupervisionWith(mirrored.supervision, s => ({ mirrored: append(s.mirrored) }));
            }
            return;
        }
        const state = elements(stanza).find(n => n.namespaceURI === NS.CHATSTATES && CHAT_STATES.includes(n.localName));
        const chat = this.state.chats.find(c => c.room === room);
        if (read.body === undefined) {
            if (chat && state && nick !== this.nick) {
                this.changeChat(chat.interaction, { typing: { ...chat.typing, [nick]: state.localName } });
            }
            return;
        }
        const line = roomLine(stanza, nick, read.body);
        const addTo = lines => (lines.some(l => l.key === line.key) ? lines : [...lines, line]);
        if (chat) {
            this.changeChat(chat.interaction, { lines: addTo(chat.lines), typing: { ...chat.typing, [nick]: 'active' } });
            return;
        }
        const consultation = this.state.consultations.find(c => c.room === room);
        if (consultation && nick !== TRANSCRIPT_NICK) {
            this.changeConsultation(consultation.id, { lines: addTo(consultation.lines) });
            return;
        }
        const supervision = this.state.supervisions.find(s => s.room === room);
        if (supervision) this.changeSupervision(supervision.id, { lines: addTo(supervision.lines) });
    }

    roomEntered(room) {
        const offer = this.state.offers.find(o => o.room === room);
        if (offer) this.update({ offers: this.state.offers.filter(o => o !== offer) });
        const chat = this.state.chats.find(c => c.room === room);
        if (chat) this.changeChat(chat.interaction, { state: 'active' });
        const consultation = this.state.consultations.find(c => c.room === room);
        if (consultation && consultation.role === 'target') this.changeConsultation(consultation.id, { state: 'active' });
    }

    roomGone(room, reason) {
        const chat = this.state.chats.find(c => c.room === room && c.state !== 'ended');
        if (chat) this.changeChat(chat.interaction, { state: 'ended', reason });
        const consultation = this.state.consultations.find(c => c.room === room && c.state !== 'ended');
        if (consultation) this.changeConsultation(consultation.id, { state: 'ended', reason: consultation.reason || reason });
        const supervision = this.state.supervisions.find(s => s.room === room && s.state !== 'ended');
        if (supervision) this.changeSupervision(supervision.id, { state: 'ended', reason });
        const offer = this.state.offers.find(o => o.room === room);
        if (offer) this.update({ offers: this.state.offers.filter(o => o !== offer) });
    }

    addOffer(offer) {
        if (this.state.offers.some(o => o.id === offer.id)) return;
        this.update({ offers: [...this.state.offers, offer] });
    }

    // Her own changes of what is shown.

    changeChat(interaction, change) {
        this.update({ chats: this.state.chats.map(c => (c.interaction === interaction ? { ...c, ...change } : c)) });
    }

    noteInChat(interaction, text) {
        const chat = this.state.chats.find(c => c.interaction === interaction);
        if (chat && text) {
            this.changeChat(interaction, { notes: [...chat.notes, text] });
        } else if (text) {
            this.notice(text);
        }
    }

    changeConsultation(id, change) {
        this.changeConsultationWith(id, () => change);
    }

    changeConsultationWith(id, change) {
        if (!id) return;
        this.update({ consultations: this.state.consultations.map(c => (c.id === id ? { ...c, ...change(c) } : c)) });
    }

    changeSupervision(id, change) {
        this.changeSupervisionWith(id, () => change);
    }

    changeSupervisionWith(id, change) {
        this.update({ supervisions: this.state.supervisions.map(s => (s.id === id ? { ...s, ...change(s) } : s)) });
    }

    select(tab) {
        this.update({ selected: tab });
    }

    // What she does.

    setReadiness({ ready, reason, capacity }) {
        this.session.send(requests.readiness(this.service, { ready, reason, capacity }));
    }

    /** Accepting is entering the offered room (docs/protocol.md: Offers). */
    accept(offer) {
        if (offer.kind === 'consultation') {
            this.addConsultation({ id: offer.consultation, interaction: offer.interaction, room: offer.room,
                role: 'target', state: 'joining', other: offer.initiator, contact: offer.contact,
                routingPoint: offer.routingPoint });
        } else if (!this.state.chats.some(c => c.interaction === offer.interaction)) {
            this.update({ chats: [...this.state.chats, { interaction: offer.interaction, room: offer.room,
                contact: offer.contact, routingPoint: offer.routingPoint, lines: [], notes: [], typing: {},
                state: 'joining', kind: offer.kind }] });
        }
        this.select(offer.kind === 'consultation' ? `consultation:${offer.consultation}` : offer.interaction);
        this.session.enterRoom(offer.room, this.nick);
    }

    decline(offer, reason) {
        return this.ask(requests.decline(this.service, { offer: offer.id, reason }))
            .then(() => this.update({ offers: this.state.offers.filter(o => o.id !== offer.id) }));
    }

    say(room, text) {
        this.session.send({ stanza: 'message', type: 'groupchat', to: room, body: text });
    }

    typing(room, state) {
        this.session.send(chatState(room, state));
    }

    endChat(chat) {
        return this.ask(requests.end(this.service, { interaction: chat.interaction }));
    }

    doneChat(chat, disposition, note) {
        return this.ask(requests.doneChat(this.service, { interaction: chat.interaction, disposition, note }));
    }

    closeChat(chat) {
        this.update({ chats: this.state.chats.filter(c => c !== chat),
            consultations: this.state.consultations.filter(c => c.interaction !== chat.interaction || c.role !== 'initiator'),
            selected: null });
    }

    handover(chat, target, kind) {
        const request = kind === 'conference'
            ? requests.conference(this.service, { interaction: chat.interaction, target: target.jid })
            : requests.transfer(this.service, { interaction: chat.interaction, target: target.jid,
                mode: kind === 'cold-transfer' ? 'cold' : 'warm' });
        return this.ask(request).then(() => {
            this.changeChat(chat.interaction, { handover: { kind, target } });
            this.noteInChat(chat.interaction, `${target.name || target.jid} is offered the chat (${kind}).`);
        });
    }

    /** Starts a consultation: the service answers once its room is ready, and she enters it. */
    consult(chat, target) {
        return this.ask(requests.consult(this.service, { interaction: chat.interaction, target: target.jid }))
            .then(result => {
                const consultation = readStanza(result).payload;
                this.addConsultation({ id: consultation.id, interaction: chat.interaction, room: consultation.room,
                    role: 'initiator', state: 'requested', other: { jid: target.jid, name: target.name },
                    contact: chat.contact, routingPoint: chat.routingPoint });
                this.session.enterRoom(consultation.room, this.nick);
            });
    }

    addConsultation(consultation) {
        if (this.state.consultations.some(c => c.id === consultation.id)) return;
        this.update({ consultations: [...this.state.consultations,
            { mirrored: [], lines: [], im: [], done: false, ...consultation }] });
    }

    endConsultation(consultation) {
        return this.ask(requests.endConsultation(this.service, { consultation: consultation.id }));
    }

    doneConsultation(consultation, disposition, note) {
        return this.ask(requests.doneConsultation(this.service, { consultation: consultation.id, disposition, note }))
            .then(() => this.changeConsultation(consultation.id, { done: true }));
    }

    closeConsultation(consultation) {
        this.update({ consultations: this.state.consultations.filter(c => c !== consultation),
            selected: this.state.selected === `consultation:${consultation.id}` ? null : this.state.selected });
    }

    /** An IM to the other member: the service names her session, the message carries the consultation. */
    im(consultation, text) {
        return this.ask(requests.im(this.service, { consultation: consultation.id })).then(result => {
            const party = readStanza(result).payload;
            this.session.send(consultationIm(party.jid, text,
                { interaction: consultation.interaction, consultation: consultation.id }));
            this.changeConsultationWith(consultation.id, c => ({ im: [...c.im, { from: this.nick, text,
                time: new Date(this.now()).toISOString() }] }));
        });
    }

    /** A call is the agents' own clients' business (XEP-0353): the proposal goes to the session named. */
    call(consultation) {
        return this.ask(requests.call(this.service, { consultation: consultation.id })).then(result => {
            const party = readStanza(result).payload;
            const id = `call-${consultation.id}-${this.now()}`;
            this.session.send(callProposal(party.jid, id));
            this.changeConsultation(consultation.id, { calling: party.name || local(party.jid) });
        });
    }

    // Supervisors.

    refreshLiveChats() {
        return this.session.request(requests.supervise(this.service)).then(result => {
            const list = readStanza(result).payload || {};
            this.update({ supervisor: true, liveChats: list.chats || [] });
        }, () => this.update({ supervisor: false, liveChats: [] }));
    }

    monitor(chat, consultations) {
        return this.ask(requests.monitor(this.service, { interaction: chat.id, consultations })).then(result => {
            const supervision = readStanza(result).payload;
            if (!this.state.supervisions.some(s => s.id === supervision.id)) {
                this.update({ supervisions: [...this.state.supervisions, { ...supervision, chat, mirrored: [],
                    lines: [], state: 'active' }] });
            }
            this.select(`supervision:${supervision.id}`);
            this.session.enterRoom(supervision.room, this.nick);
        });
    }

    whisper(supervision, text) {
        return this.ask(requests.whisper(this.service, { supervision: supervision.id, text }));
    }

    barge(supervision) {
        return this.ask(requests.barge(this.service, { supervision: supervision.id })).then(result => {
            this.changeSupervision(supervision.id, { mode: readStanza(result).payload.mode });
        });
    }

    endSupervision(supervision) {
        return this.ask(requests.endSupervision(this.service, { supervision: supervision.id }))
            .then(() => this.update({ supervisions: this.state.supervisions.filter(s => s.id !== supervision.id),
                selected: null }));
    }

    // The Team Communicator.

    search(text) {
        return this.session.request(searchRequest(this.service, text)).then(readSearchResult);
    }

    favorites() {
        return this.session.request(requests.favorites(this.service)).then(r => readStanza(r).payload?.items || []);
    }

    recent() {
        return this.session.request(requests.recent(this.service)).then(r => readStanza(r).payload?.items || []);
    }

    setFavorite(jid, favorite) {
        return this.ask(requests.changeFavorites(this.service, favorite ? { add: [jid] } : { remove: [jid] }));
    }

    /** A request whose refusal she is told of in words; the promise still fails, so the caller stops. */
    ask(request) {
        return this.session.request(request).catch(error => {
            this.notice(`Refused: ${error.text || error.condition}.`);
            throw error;
        });
    }
}
