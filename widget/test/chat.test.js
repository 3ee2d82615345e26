import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createChat } from '../src/chat.js';
import { createStorage } from '../src/storage.js';

function memory() {
    const items = new Map();
    return { getItem: key => items.get(key) ?? null, setItem: (key, value) => items.set(key, value),
        removeItem: key => items.delete(key) };
}

function desk(backend = memory()) {
    const sent = [];
    let next = 0;
    const xmpp = { sendMessage: message => sent.push(message), newId: () => `cc${++next}` };
    const chat = createChat({ xmpp, storage: createStorage(backend), now: () => new Date(2026, 10, 27, 16, 40) });
    return { chat, sent, backend };
}

test('her line goes out with a body, the active state and a receipt request, and is delivered on receipt', () => {
    const { chat, sent } = desk();
    assert.equal(chat.say('Hi'), false, 'not connected yet');
    chat.connectionChanged('connected', 'websocket');
    assert.equal(chat.say('   '), false);
    assert.equal(chat.say('Hi, my parcel is late'), true);
    assert.deepEqual(sent, [{ id: 'cc1', body: 'Hi, my parcel is late', chatState: 'active', receipt: true }]);
    chat.receive([{ type: 'receipt', id: 'cc1' }]);
    assert.equal(chat.state().lines[0].mark, 'delivered');
    assert.equal(chat.state().lines[0].who, 'me');
});

test('the queue, the agent and the ending show in the state', () => {
    const { chat } = desk();
    chat.connectionChanged('connected', 'bosh');
    chat.say('Hi');
    chat.receive([{ type: 'welcome', text: 'Thank you for contacting Sales.' }]);
    chat.receive([{ type: 'queue', position: 2, interaction: 'k3v9', text: 'busy' }]);
    assert.equal(chat.state().position, 2);
    assert.equal(chat.state().interaction, 'k3v9');
    chat.receive([{ type: 'joined', name: 'Alice', text: 'Alice has joined the chat.' }]);
    chat.receive([{ type: 'chatstate', state: 'composing' }]);
    assert.equal(chat.state().agentTyping, true);
    chat.receive([{ type: 'line', from: 'Alice', text: 'Hello', id: 'r1' }, { type: 'chatstate', state: 'active' }]);
    chat.receive([{ type: 'ended', reason: 'agent-ended', interaction: 'k3v9', text: 'This chat has ended.' }]);
    const state = chat.state();
    assert.equal(state.position, undefined);
    assert.equal(state.agent, 'Alice');
    assert.equal(state.agentTyping, false);
    assert.equal(state.ended, 'agent-ended');
    assert.equal(state.transport, 'bosh');
    assert.deepEqual(state.lines.map(line => [line.who, line.text]), [
        ['me', 'Hi'], ['service', 'Thank you for contacting Sales.'], ['service', 'Alice has joined the chat.'],
        ['agent', 'Hello'], ['service', 'This chat has ended.']]);
});

test('End chat sends the end word, which is not a line of hers', () => {
    const { chat, sent } = desk();
    chat.connectionChanged('connected');
    assert.equal(chat.end(), false, 'no chat yet');
    chat.say('Hi');
    assert.equal(chat.end(), true);
    assert.deepEqual(sent[1], { id: 'cc2', body: '!end', chatState: 'active', receipt: true });
    assert.equal(chat.state().lines.length, 1);
});

test('a line after the end starts a new chat', () => {
    const { chat } = desk();
    chat.connectionChanged('connected');
    chat.say('Hi');
    chat.receive([{ type: 'ended', reason: 'queue-timeout', interaction: 'k3v9' }]);
    assert.equal(chat.end(), false);
    chat.say('Anyone there?');
    assert.equal(chat.state().ended, undefined);
    assert.equal(chat.state().interaction, undefined);
    assert.equal(chat.state().lines.length, 2);
});

test('an error bounce marks her line not delivered', () => {
    const { chat } = desk();
    chat.connectionChanged('connected');
    chat.say('x'.repeat(10001));
    chat.receive([{ type: 'error', id: 'cc1', condition: 'not-acceptable' }]);
    assert.equal(chat.state().lines[0].mark, 'failed');
});

test('her chat states: composing while she types, active when she clears the box; none before the chat', () => {
    const { chat, sent } = desk();
    chat.connectionChanged('connected');
    chat.typing(true);
    assert.equal(sent.length, 0);
    chat.say('Hi');
    chat.typing(true);
    chat.typing(true);
    chat.typing(false);
    assert.deepEqual(sent.slice(1), [{ chatState: 'composing' }, { chatState: 'active' }]);
});

test('after a reload with a token, the lines are back and the chat is resumed once connected', () => {
    const backend = memory();
    const before = desk(backend);
    before.chat.connectionChanged('connected');
    before.chat.say('Hi');
    before.chat.receive([{ type: 'welcome', token: 't0k3n', text: 'Thank you for contacting Sales.' }]);
    before.chat.receive([{ type: 'queue', position: 1, interaction: 'k3v9' }]);
    before.chat.receive([{ type: 'joined', name: 'Alice', text: 'Alice has joined the chat.' }]);

    const after = desk(backend);
    assert.equal(after.chat.state().lines.length, 3);
    assert.equal(after.chat.state().interaction, 'k3v9');
    assert.equal(after.chat.state().agent, 'Alice');
    after.chat.connectionChanged('connecting', 'websocket');
    assert.deepEqual(after.sent, []);
    after.chat.connectionChanged('connected', 'websocket');
    assert.deepEqual(after.sent, [{ resumeToken: 't0k3n' }]);
    assert.equal(after.chat.end(), true, 'the resumed chat can be ended');
});

test('without a token, or after the end, a reload shows the lines but resumes nothing', () => {
    for (const last of [{ type: 'queue', position: 1, interaction: 'k3v9' },
        { type: 'ended', reason: 'contact-left', interaction: 'k3v9', text: 'Ended.' }]) {
        const backend = memory();
        const before = desk(backend);
        before.chat.connectionChanged('connected');
        before.chat.say('Hi');
        if (last.type === 'ended') before.chat.receive([{ type: 'welcome', token: 't0k3n' }]);
        before.chat.receive([last]);
        const after = desk(backend);
        after.chat.connectionChanged('connected');
        assert.deepEqual(after.sent, []);
        assert.ok(after.chat.state().lines.length >= 1);
        assert.equal(after.chat.state().token, undefined);
        assert.equal(after.chat.end(), false);
    }
});
