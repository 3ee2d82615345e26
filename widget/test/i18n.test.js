import { test } from 'node:test';
import assert from 'node:assert/strict';
import { STRINGS, reasonText, statusText, translator } from '../src/i18n.js';

test('German has every English key, and nothing else', () => {
    assert.deepEqual(Object.keys(STRINGS.de).sort(), Object.keys(STRINGS.en).sort());
    for (const [key, text] of Object.entries(STRINGS.de)) {
        assert.ok(text.trim(), key);
        assert.deepEqual(text.match(/\{\w+\}/g), STRINGS.en[key].match(/\{\w+\}/g), `placeholders of ${key}`);
    }
});

test('every ending reason has words', () => {
    const t = translator('en');
    for (const reason of ['contact-left', 'agent-ended', 'queue-timeout', 'service-error', 'supervisor-ended']) {
        assert.notEqual(reasonText(t, reason), reason);
    }
    assert.equal(reasonText(t, 'new-reason'), 'new-reason');
});

test('the language is chosen by its first letters; English otherwise', () => {
    assert.equal(translator('de-AT')('send'), 'Senden');
    assert.equal(translator('fr')('send'), 'Send');
    assert.equal(translator(undefined)('send'), 'Send');
    assert.equal(translator('de')('queue', { position: 3 }), 'Sie sind Nummer 3 in der Warteschlange');
});

test('the status line follows the chat', () => {
    const t = translator('en');
    const connected = { connection: 'connected', lines: [] };
    assert.equal(statusText(t, { connection: 'connecting' }), 'Connecting…');
    assert.equal(statusText(t, { connection: 'failed' }), t('connectFailed'));
    assert.equal(statusText(t, connected), 'Write your message to start the chat.');
    assert.equal(statusText(t, { ...connected, started: true }), 'Waiting for an agent…');
    assert.equal(statusText(t, { ...connected, started: true, position: 2 }), 'You are number 2 in line');
    assert.equal(statusText(t, { ...connected, agent: 'Alice' }), 'Alice has joined');
    assert.equal(statusText(t, { ...connected, agent: 'Alice', ended: 'agent-ended' }),
        'Chat ended: the agent ended the chat');
});

test('the status line gives the expected wait in whole minutes, at least one', () => {
    const connected = { connection: 'connected', started: true, position: 2 };
    assert.equal(statusText(translator('en'), { ...connected, wait: 90 }),
        'You are number 2 in line. Expected wait: about 2 min.');
    assert.equal(statusText(translator('de'), { ...connected, wait: 20 }),
        'Sie sind Nummer 2 in der Warteschlange. Voraussichtliche Wartezeit: etwa 1 Min.');
    assert.equal(statusText(translator('en'), connected), 'You are number 2 in line');
});
