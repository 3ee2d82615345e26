import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseMessage } from '../src/notices.js';
import { stanza } from '../test-support/stanza.js';

const RP = 'sales@consult.localhost';
const FROM = `from='${RP}' to='x@guest.localhost/web' type='chat'`;

function parse(xml) {
    return parseMessage(stanza(xml), RP);
}

test('the welcome notice', () => {
    assert.deepEqual(parse(`<message ${FROM}><body>Thank you for contacting Sales. An agent will be with you shortly.`
        + ` Send !end to finish the chat.</body></message>`),
    [{ type: 'welcome', text: 'Thank you for contacting Sales. An agent will be with you shortly. Send !end to finish'
        + ' the chat.' }]);
});

test('a welcome with a resume token', () => {
    assert.deepEqual(parse(`<message ${FROM}><body>Thank you for contacting Sales.</body>`
        + `<resume xmlns='urn:chatconsult:0' token='t0k3n' interaction='k3v9'/></message>`),
    [{ type: 'welcome', token: 't0k3n', interaction: 'k3v9', text: 'Thank you for contacting Sales.' }]);
});

test('a queue notice', () => {
    assert.deepEqual(parse(`<message ${FROM}><body>All our agents are busy. You are number 2 in line.</body>`
        + `<queue xmlns='urn:chatconsult:0' interaction='k3v9q2xw7hmp' position='2'/></message>`),
    [{ type: 'queue', position: 2, wait: undefined, interaction: 'k3v9q2xw7hmp',
        text: 'All our agents are busy. You are number 2 in line.' }]);
});

test('a queue notice with a wait', () => {
    const [event] = parse(`<message ${FROM}><queue xmlns='urn:chatconsult:0' position='1' wait='90'/></message>`);
    assert.equal(event.position, 1);
    assert.equal(event.wait, 90);
});

test('a queue notice without a usable position says nothing', () => {
    assert.deepEqual(parse(`<message ${FROM}><body>x</body><queue xmlns='urn:chatconsult:0' position='-1'/></message>`),
        []);
    assert.deepEqual(parse(`<message ${FROM}><queue xmlns='urn:chatconsult:0' position='two'/></message>`), []);
});

test('an agent joins', () => {
    assert.deepEqual(parse(`<message ${FROM}><body>Alice Smith has joined the chat.</body></message>`),
        [{ type: 'joined', name: 'Alice Smith', text: 'Alice Smith has joined the chat.' }]);
});

test("an agent's line, with its room id", () => {
    assert.deepEqual(parse(`<message ${FROM} id='r1'><body>Alice: Hello: how can I help?</body>`
        + `<origin-id xmlns='urn:xmpp:sid:0' id='r1'/></message>`),
    [{ type: 'line', from: 'Alice', text: 'Hello: how can I help?', id: 'r1' }]);
});

test("a relayed line is a line even when it reads like a notice", () => {
    assert.equal(parse(`<message ${FROM}><body>Bob: has joined the chat.</body>`
        + `<origin-id xmlns='urn:xmpp:sid:0' id='r2'/></message>`)[0].type, 'line');
});

test('a multi-line agent line keeps its lines', () => {
    assert.equal(parse(`<message ${FROM}><body>Alice: one\ntwo</body></message>`)[0].text, 'one\ntwo');
});

test('any other body from the routing point is a notice', () => {
    const text = 'Our chat service was unavailable for a moment and is back.';
    assert.deepEqual(parse(`<message ${FROM}><body>${text}</body></message>`), [{ type: 'notice', text }]);
});

test('the chat ends', () => {
    for (const reason of ['contact-left', 'agent-ended', 'queue-timeout', 'service-error', 'supervisor-ended']) {
        assert.deepEqual(parse(`<message ${FROM}><body>This chat has ended.</body>`
            + `<ended xmlns='urn:chatconsult:0' interaction='k3v9' reason='${reason}'/></message>`),
        [{ type: 'ended', reason, interaction: 'k3v9', text: 'This chat has ended.' }]);
    }
});

test('an ending without a reason is a service error', () => {
    assert.equal(parse(`<message ${FROM}><ended xmlns='urn:chatconsult:0'/></message>`)[0].reason, 'service-error');
});

test('a receipt', () => {
    assert.deepEqual(parse(`<message ${FROM}><received xmlns='urn:xmpp:receipts' id='cc1'/></message>`),
        [{ type: 'receipt', id: 'cc1' }]);
});

test('chat states, alone and with a line', () => {
    for (const state of ['composing', 'paused', 'active', 'inactive', 'gone']) {
        assert.deepEqual(parse(`<message ${FROM}><${state} xmlns='http://jabber.org/protocol/chatstates'/></message>`),
            [{ type: 'chatstate', state }]);
    }
    assert.deepEqual(parse(`<message ${FROM}><body>Alice: hi</body>`
        + `<active xmlns='http://jabber.org/protocol/chatstates'/></message>`).map(event => event.type),
    ['line', 'chatstate']);
});

test('an error bounce names the message and its condition', () => {
    assert.deepEqual(parse(`<message from='${RP}' type='error' id='cc7'><error type='modify'>`
        + `<not-acceptable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></message>`),
    [{ type: 'error', id: 'cc7', condition: 'not-acceptable' }]);
});

test('the routing point is matched by its bare address, in any letter case', () => {
    assert.equal(parseMessage(stanza(`<message from='Sales@Consult.localhost/x'><body>Alice: hi</body></message>`),
        RP).length, 1);
});

test('bad and unknown input is ignored', () => {
    const ignored = [
        `<message from='mallory@evil.example' type='chat'><body>Alice: hi</body></message>`,
        `<message type='chat'><body>Alice: hi</body></message>`,
        `<message ${FROM}/>`,
        `<message ${FROM}><body>   </body></message>`,
        `<message ${FROM}><queue xmlns='urn:other' position='1'/></message>`,
        `<message ${FROM}><composing xmlns='urn:other'/></message>`,
        `<message ${FROM}><received xmlns='urn:xmpp:receipts'/></message>`,
        `<presence ${FROM}/>`,
        `<iq from='${RP}' type='get' id='1'><ping xmlns='urn:xmpp:ping'/></iq>`,
    ];
    for (const xml of ignored) {
        assert.deepEqual(parse(xml), [], xml);
    }
    assert.deepEqual(parseMessage(null, RP), []);
    assert.deepEqual(parseMessage(undefined, RP), []);
});
