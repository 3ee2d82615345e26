// The contact's side of one chat: what she says, what the routing point tells her, and what survives a reload.
// It knows neither Strophe nor the DOM: `xmpp` sends, `storage` keeps, `onChange` redraws.

import { Transcript } from './transcript.js';

const END_WORD = '!end';
const PAUSED_AFTER_MS = 5000;

export function createChat({ xmpp, storage, onChange = () => {}, now = () => new Date() }) {
    const saved = storage.load() || {};
    const transcript = new Transcript(Array.isArray(saved.lines) ? saved.lines : []);
    // A chat survives a reload only with the service's token; without one, the stored lines are history.
    const resumable = Boolean(saved.token) && !saved.ended;
    const state = {
        connection: 'idle',
        transport: undefined,
        started: resumable,
        interaction: resumable || saved.ended ? saved.interaction : undefined,
        token: resumable ? saved.token : undefined,
        position: undefined,
        wait: undefined,
        agent: resumable ? saved.agent : undefined,
        agentTyping: false,
        ended: saved.ended,
    };
    let ownChatState = 'active';
    let pauseTimer;

    function save() {
        storage.save({ interaction: state.interaction, token: state.token, agent: state.agent, ended: state.ended,
            lines: transcript.lines });
    }

    function changed() {
        save();
        onChange(snapshot());
    }

    function snapshot() {
        return { ...state, lines: transcript.lines.map(line => ({ ...line })) };
    }

    function serviceLine(text) {
        if (text && text.trim()) transcript.add({ who: 'service', text }, now());
    }

    function stopTyping() {
        clearTimeout(pauseTimer);
        pauseTimer = undefined;
    }

    function sendChatState(chatState) {
        ownChatState = chatState;
        xmpp.sendMessage({ chatState });
    }

    /** A message with a body: it says she is active and asks for a receipt. */
    function sendBody(body) {
        stopTyping();
        ownChatState = 'active';
        const id = xmpp.newId();
        xmpp.sendMessage({ id, body, chatState: 'active', receipt: true });
        return id;
    }

    const apply = {
        welcome(event) {
            state.started = true;
            if (event.token) state.token = event.token;
            if (event.interaction) state.interaction = event.interaction;
            serviceLine(event.text);
        },
        queue(event) {
            state.started = true;
            state.position = event.position;
            state.wait = event.wait;
            if (event.interaction) state.interaction = event.interaction;
        },
        joined(event) {
            state.agent = event.name;
            state.position = undefined;
            serviceLine(event.text);
        },
        line(event) {
            state.agentTyping = false;
            transcript.add({ who: 'agent', from: event.from, text: event.text, id: event.id }, now());
        },
        notice(event) {
            serviceLine(event.text);
        },
        ended(event) {
            stopTyping();
            state.ended = event.reason;
            if (event.interaction) state.interaction = event.interaction;
            state.token = undefined;
            state.position = undefined;
            state.agentTyping = false;
            serviceLine(event.text);
        },
        receipt(event) {
            transcript.mark(event.id, 'delivered');
        },
        error(event) {
            transcript.mark(event.id, 'failed');
        },
        chatstate(event) {
            state.agentTyping = event.state === 'composing';
        },
    };

    return {
        state: snapshot,
        transcript,

        /** The connection's news: 'connecting', 'connected', 'disconnected' or 'failed', and over what. */
        connectionChanged(connection, transport) {
            state.connection = connection;
            state.transport = transport;
            if (connection === 'connected' && state.token && !state.ended) {
                xmpp.sendMessage({ resumeToken: state.token });
            }
            changed();
        },

        /** Events from notices.parseMessage. */
        receive(events) {
            for (const event of events) {
                const handler = apply[event.type];
                if (handler) handler(event);
            }
            if (events.length) changed();
        },

        /** She sends a line; after an ended chat, it starts a new one. */
        say(text) {
            if (!text.trim() || state.connection !== 'connected') return false;
            if (state.ended) {
                Object.assign(state, { ended: undefined, interaction: undefined, agent: undefined, token: undefined });
            }
            const id = sendBody(text);
            state.started = true;
            transcript.add({ who: 'me', text, id }, now());
            changed();
            return true;
        },

        /** She ends the chat with the end word, which the service never records. */
        end() {
            if (!state.started || state.ended || state.connection !== 'connected') return false;
            sendBody(END_WORD);
            return true;
        },

        /** Her text box changed: composing while she types, paused when she stops, active when she clears it. */
        typing(hasText) {
            if (!state.started || state.ended || state.connection !== 'connected') return;
            stopTyping();
            if (hasText) {
                if (ownChatState !== 'composing') sendChatState('composing');
                pauseTimer = setTimeout(() => sendChatState('paused'), PAUSED_AFTER_MS);
            } else if (ownChatState !== 'active') {
                sendChatState('active');
            }
        },
    };
}
