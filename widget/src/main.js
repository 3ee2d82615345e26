// The embed: reads the settings of its <script> tag (or of ChatConsultWidget.open({...})), draws the widget and
// ties the chat to the XMPP session. Exposes window.ChatConsultWidget = { open, close, state }.

import { createChat } from './chat.js';
import { openConnection } from './connection.js';
import { translator } from './i18n.js';
import { parseMessage } from './notices.js';
import { createStorage } from './storage.js';
import { createUi } from './ui.js';

const RECONNECT_DELAY_MS = 3000;
const MAX_RECONNECTS = 5;
const SETTINGS = ['websocket', 'bosh', 'domain', 'routingPoint', 'lang', 'title'];

const script = document.currentScript;
let widget;

function settingsOf(source = {}) {
    return Object.fromEntries(SETTINGS.filter(name => source[name]).map(name => [name, source[name]]));
}

function downloadText(text, fileName) {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
    document.body.appendChild(link);
    link.click();
    link.remove();
    URL.revokeObjectURL(url);
}

function createWidget(settings) {
    const lang = settings.lang || document.documentElement.lang || 'en';
    const t = translator(lang);
    let xmpp;
    let reconnects = 0;
    const chat = createChat({
        xmpp: { sendMessage: message => xmpp.sendMessage(message), newId: () => xmpp.newId() },
        storage: createStorage(),
        onChange: state => ui.render(state),
    });
    const ui = createUi({ t, lang, title: settings.title || t('title') }, {
        onOpen: () => api.open(),
        onClose: () => ui.close(),
        onSay: text => chat.say(text),
        onEnd: () => chat.end(),
        onTyping: hasText => chat.typing(hasText),
        onDownload: () => downloadText(chat.transcript.toText(t('me')),
            `chat-${chat.state().interaction || 'transcript'}.txt`),
    });

    function connect() {
        xmpp = openConnection(settings, {
            onMessage: stanza => chat.receive(parseMessage(stanza, settings.routingPoint)),
            onStatus: (status, transport) => {
                if (status === 'connected') reconnects = 0;
                chat.connectionChanged(status, transport);
                // A dropped session comes back as a new anonymous address; the resume token carries the chat over.
                if (status === 'disconnected' && reconnects++ < MAX_RECONNECTS) {
                    setTimeout(connect, RECONNECT_DELAY_MS);
                }
            },
        });
    }

    ui.render(chat.state());
    const api = {
        open() {
            ui.open();
            if (!xmpp) connect();
        },
        close: () => ui.close(),
        state: () => chat.state(),
        resumable: () => Boolean(chat.state().token),
    };
    return api;
}

function start(options) {
    if (widget) return widget;
    const settings = { ...settingsOf(script?.dataset), ...settingsOf(options) };
    if (!settings.routingPoint || !settings.domain || !(settings.websocket || settings.bosh)) {
        console.error('ChatConsult widget: set routing-point, domain and websocket or bosh');
        return undefined;
    }
    widget = createWidget(settings);
    if (widget.resumable()) widget.open(); // she was in a chat before the reload
    return widget;
}

window.ChatConsultWidget = {
    open: options => start(options)?.open(),
    close: () => widget?.close(),
    state: () => widget?.state(),
};

if (script?.dataset.routingPoint) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => start());
    else start();
}
