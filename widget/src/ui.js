// The widget's DOM: a launcher and a dialog with status line, transcript, typing indicator and composer.
// Every interactive element has a stable id (chatconsult-*) for pages and browser tests.

import { CSS } from './styles.js';
import { statusText } from './i18n.js';

function element(tag, attributes = {}, text) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    if (text !== undefined) node.textContent = text;
    return node;
}

function injectStyle() {
    if (document.getElementById('chatconsult-style')) return;
    const style = element('style', { id: 'chatconsult-style' });
    style.textContent = CSS;
    document.head.appendChild(style);
}

function timeOf(iso) {
    return new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

/** Callbacks: onOpen, onClose, onSay(text) → whether sent, onEnd, onTyping(hasText), onDownload. */
export function createUi({ t, lang, title, container = document.body }, callbacks) {
    injectStyle();
    const root = element('div', { id: 'chatconsult-widget', class: 'chatconsult-widget', lang });
    const launcher = element('button', { id: 'chatconsult-launcher', class: 'chatconsult-launcher', type: 'button',
        'aria-controls': 'chatconsult-panel', 'aria-expanded': 'false', 'aria-label': t('open') }, title);
    const panel = element('div', { id: 'chatconsult-panel', class: 'chatconsult-panel', role: 'dialog',
        'aria-labelledby': 'chatconsult-title', hidden: '' });
    const header = element('div', { class: 'chatconsult-header' });
    const close = element('button', { id: 'chatconsult-close', class: 'chatconsult-close', type: 'button',
        'aria-label': t('close') }, '×');
    header.append(element('h2', { id: 'chatconsult-title' }, title), close);
    const status = element('p', { id: 'chatconsult-status', class: 'chatconsult-status', role: 'status',
        'aria-live': 'polite' });
    const log = element('div', { id: 'chatconsult-log', class: 'chatconsult-log', role: 'log', 'aria-live': 'polite',
        'aria-label': t('transcript') });
    const typing = element('p', { id: 'chatconsult-typing', class: 'chatconsult-typing', hidden: '' });
    const compose = element('form', { class: 'chatconsult-compose' });
    const input = element('textarea', { id: 'chatconsult-input', rows: '2' });
    const send = element('button', { id: 'chatconsult-send', class: 'chatconsult-send', type: 'submit' }, t('send'));
    compose.append(element('label', { for: 'chatconsult-input' }, t('message')), input, send);
    const actions = element('div', { class: 'chatconsult-actions' });
    const end = element('button', { id: 'chatconsult-end', class: 'chatconsult-end', type: 'button' }, t('end'));
    const download = element('button', { id: 'chatconsult-download', class: 'chatconsult-download', type: 'button' },
        t('download'));
    actions.append(end, download);
    panel.append(header, status, log, typing, compose, actions);
    root.append(launcher, panel);
    container.appendChild(root);

    function setOpen(open) {
        panel.hidden = !open;
        launcher.hidden = open;
        launcher.setAttribute('aria-expanded', String(open));
        (open ? input : launcher).focus();
    }

    function submit() {
        if (callbacks.onSay(input.value)) input.value = '';
    }

    launcher.addEventListener('click', () => callbacks.onOpen());
    close.addEventListener('click', () => callbacks.onClose());
    panel.addEventListener('keydown', event => {
        if (event.key === 'Escape') callbacks.onClose();
    });
    compose.addEventListener('submit', event => {
        event.preventDefault();
        submit();
    });
    input.addEventListener('keydown', event => {
        if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
            event.preventDefault();
            submit();
        }
    });
    input.addEventListener('input', () => callbacks.onTyping(input.value.trim() !== ''));
    end.addEventListener('click', () => callbacks.onEnd());
    download.addEventListener('click', () => callbacks.onDownload());

    function lineElement(line) {
        const node = element('div', { class: `chatconsult-line chatconsult-line--${line.who}` });
        if (line.who !== 'service') {
            node.append(element('span', { class: 'chatconsult-who' }, line.who === 'me' ? t('me') : line.from));
        }
        node.append(element('span', { class: 'chatconsult-text' }, line.text),
            element('time', { class: 'chatconsult-time', datetime: line.time }, timeOf(line.time)));
        return node;
    }

    function renderMark(node, line) {
        if (!line.mark || node.querySelector('.chatconsult-mark')) return;
        const delivered = line.mark === 'delivered';
        node.append(element('span', { class: `chatconsult-mark chatconsult-${line.mark}`, role: 'img',
            'aria-label': t(delivered ? 'delivered' : 'failed') }, delivered ? '✓' : '!'));
    }

    /** Lines are only ever appended: new ones are added, so screen readers hear only what is new. */
    function render(state) {
        status.textContent = statusText(t, state);
        const atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
        state.lines.forEach((line, index) => {
            const node = log.children[index] || log.appendChild(lineElement(line));
            renderMark(node, line);
        });
        if (atBottom) log.scrollTop = log.scrollHeight;
        typing.hidden = !state.agentTyping;
        typing.textContent = state.agentTyping ? t('typing', { name: state.agent || t('agent') }) : '';
        send.disabled = state.connection !== 'connected';
        end.disabled = !state.started || Boolean(state.ended) || state.connection !== 'connected';
        download.disabled = state.lines.length === 0;
    }

    return { render, open: () => setOpen(true), close: () => setOpen(false), element: root };
}
