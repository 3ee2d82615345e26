// The widget's own words, in English and German. The service's notices arrive in its language, as it sends them.

export const STRINGS = {
    en: {
        title: 'Chat with us',
        open: 'Open chat',
        close: 'Close chat',
        connecting: 'Connecting…',
        connectFailed: 'The chat is not available right now. Please try again later.',
        ready: 'Write your message to start the chat.',
        waiting: 'Waiting for an agent…',
        queue: 'You are number {position} in line',
        queueWait: 'You are number {position} in line. Expected wait: about {minutes} min.',
        joined: '{name} has joined',
        ended: 'Chat ended: {reason}',
        typing: '{name} is typing…',
        agent: 'The agent',
        me: 'You',
        message: 'Your message',
        send: 'Send',
        end: 'End chat',
        download: 'Download transcript',
        transcript: 'Chat transcript',
        delivered: 'Delivered',
        failed: 'Not delivered',
        'reason.contact-left': 'you left the chat',
        'reason.agent-ended': 'the agent ended the chat',
        'reason.queue-timeout': 'no agent was free in time',
        'reason.service-error': 'a problem on our side',
        'reason.supervisor-ended': 'a supervisor ended the chat',
    },
    de: {
        title: 'Chatten Sie mit uns',
        open: 'Chat öffnen',
        close: 'Chat schließen',
        connecting: 'Verbindung wird aufgebaut…',
        connectFailed: 'Der Chat ist gerade nicht erreichbar. Bitte versuchen Sie es später noch einmal.',
        ready: 'Schreiben Sie Ihre Nachricht, um den Chat zu beginnen.',
        waiting: 'Warten auf eine Mitarbeiterin oder einen Mitarbeiter…',
        queue: 'Sie sind Nummer {position} in der Warteschlange',
        queueWait: 'Sie sind Nummer {position} in der Warteschlange. Voraussichtliche Wartezeit: etwa {minutes} Min.',
        joined: '{name} ist dem Chat beigetreten',
        ended: 'Chat beendet: {reason}',
        typing: '{name} schreibt…',
        agent: 'Unser Team',
        me: 'Sie',
        message: 'Ihre Nachricht',
        send: 'Senden',
        end: 'Chat beenden',
        download: 'Verlauf herunterladen',
        transcript: 'Chatverlauf',
        delivered: 'Zugestellt',
        failed: 'Nicht zugestellt',
        'reason.contact-left': 'Sie haben den Chat verlassen',
        'reason.agent-ended': 'der Chat wurde von unserem Team beendet',
        'reason.queue-timeout': 'es war nicht rechtzeitig jemand frei',
        'reason.service-error': 'ein Problem bei uns',
        'reason.supervisor-ended': 'der Chat wurde von der Leitung beendet',
    },
};

/** A translator for the language (its first two letters; English if unknown): t('queue', {position: 2}). */
export function translator(lang) {
    const strings = STRINGS[String(lang || '').slice(0, 2).toLowerCase()] || STRINGS.en;
    return (key, values = {}) => (strings[key] ?? STRINGS.en[key] ?? key)
        .replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

/** The ending reason in words; an unknown token as it came. */
export function reasonText(t, reason) {
    const key = `reason.${reason}`;
    const text = t(key);
    return text === key ? reason : text;
}

/** The status line for a chat's state (see chat.js). */
export function statusText(t, state) {
    if (state.ended) return t('ended', { reason: reasonText(t, state.ended) });
    if (state.connection === 'failed' || state.connection === 'disconnected') return t('connectFailed');
    if (state.connection !== 'connected') return t('connecting');
    if (state.agent) return t('joined', { name: state.agent });
    if (state.position && state.wait > 0) {
        return t('queueWait', { position: state.position, minutes: Math.max(1, Math.ceil(state.wait / 60)) });
    }
    if (state.position) return t('queue', { position: state.position });
    return state.started ? t('waiting') : t('ready');
}
