import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace } from '../src/model.js';
import { stanza } from '../test-support/stanza.js';

const SERVICE = 'consult.example.com';
const ROOM = 'k3v9q2xw7hmp@conference.example.com';
const CONSULTATION_ROOM = 't8m2w6q9z3cd@conference.example.com';

/** A session that keeps what the workspace sends and answers requests from a table of results. */
function recordingSession(answers = {}) {
    const sent = [];
    const entered = [];
    return {
        sent, entered,
        send: s => sent.push(s),
        request(s) {
            sent.push(s);
            const answer = answers[s.payload?.element];
            return answer ? Promise.resolve(stanza(answer)) : Promise.reject({ condition: 'item-not-found' });
        },
        enterRoom: (room, nick) => entered.push(`${room}/${nick}`),
    };
}

function signedIn(session) {
    const workspace = new Workspace({ service: SERVICE, session });
    workspace.connected('alice@example.com/web');
    return workspace;
}

const OFFER = `<message from='sales@consult.example.com' to='alice@example.com/web'>
  <body>New chat from carol via Sales</body>
  <offer xmlns='urn:chatconsult:0' id='p7c2m9x4r8tb' interaction='k3v9q2xw7hmp' room='${ROOM}'
         expires='2026-11-27T16:40:56Z'>
    <contact jid='carol@example.com' name='carol'/><routing-point jid='sales@consult.example.com' name='Sales'/>
    <started>2026-11-27T16:40:26.016Z</started><preview>Hi, my parcel is late</preview>
  </offer></message>`;

test('an offer is shown, and accepting it enters the room as a chat tab', () => {
    const session = recordingSession();
    const workspace = signedIn(session);
    workspace.receive(stanza(OFFER));
    const [offer] = workspace.state.offers;
    assert.equal(offer.kind, 'chat');
    assert.equal(offer.preview, 'Hi, my parcel is late');
    assert.equal(offer.contact.name, 'carol');
    workspace.accept(offer);
    assert.deepEqual(session.entered, [`${ROOM}/alice`]);
    workspace.receive(stanza(`<presence from='${ROOM}/alice'><x xmlns='http://jabber.org/protocol/muc#user'>
        <item affiliation='member' role='participant'/><status code='110'/></x></presence>`));
    assert.equal(workspace.state.offers.length, 0);
    assert.equal(workspace.state.chats[0].state, 'active');
    workspace.receive(stanza(`<message type='groupchat' from='${ROOM}/carol' id='l1'><body>Hi</body></message>`));
    workspace.receive(stanza(`<message type='groupchat' from='${ROOM}/carol' id='l1'><body>Hi</body></message>`));
    assert.deepEqual(workspace.state.chats[0].lines.map(l => l.text), ['Hi'], 'a repeated line is shown once');
});

test('a revoked offer goes, saying why', () => {
    const workspace = signedIn(recordingSession());
    workspace.receive(stanza(OFFER));
    workspace.receive(stanza(`<message from='sales@consult.example.com'><body>withdrawn</body>
        <revoked xmlns='urn:chatconsult:0' offer='p7c2m9x4r8tb' interaction='k3v9q2xw7hmp' reason='timeout'/></message>`));
    assert.equal(workspace.state.offers.length, 0);
    assert.match(workspace.state.notices.at(-1).text, /not answered in time/);
});

test('the contact typing shows on her chat', () => {
    const workspace = signedIn(recordingSession());
    workspace.receive(stanza(OFFER));
    workspace.accept(workspace.state.offers[0]);
    workspace.receive(stanza(`<message type='groupchat' from='${ROOM}/carol'>
        <composing xmlns='http://jabber.org/protocol/chatstates'/></message>`));
    assert.deepEqual(workspace.state.chats[0].typing, { carol: 'composing' });
});

test('a consultation is started, linked to its chat, and mirrors the contact transcript without repeats', async () => {
    const session = recordingSession({ consult: `<iq type='result' from='${SERVICE}'>
        <consultation xmlns='urn:chatconsult:0' id='t8m2w6q9z3cd' interaction='k3v9q2xw7hmp' room='${CONSULTATION_ROOM}'/>
        </iq>` });
    const workspace = signedIn(session);
    workspace.receive(stanza(OFFER));
    workspace.accept(workspace.state.offers[0]);
    await workspace.consult(workspace.state.chats[0], { jid: 'dora@example.com', name: 'Dora' });
    assert.deepEqual(session.sent.at(-1).payload,
        { element: 'consult', interaction: 'k3v9q2xw7hmp', target: 'dora@example.com' });
    const [consultation] = workspace.state.consultations;
    assert.equal(consultation.interaction, 'k3v9q2xw7hmp');
    assert.equal(consultation.role, 'initiator');
    assert.deepEqual(session.entered.at(-1), `${CONSULTATION_ROOM}/alice`);

    workspace.receive(stanza(`<message from='${SERVICE}'><body>Dora accepted</body>
        <consultation-accepted xmlns='urn:chatconsult:0' consultation='t8m2w6q9z3cd' interaction='k3v9q2xw7hmp'
        target='dora@example.com' name='Dora'/></message>`));
    assert.equal(workspace.state.consultations[0].state, 'active');
    const mirrored = seq => stanza(`<message type='groupchat' from='${CONSULTATION_ROOM}/Transcript' id='t8m2w6q9z3cd-${seq}'>
        <body>[16:40:26] carol (contact): line ${seq}</body>
        <mirrored xmlns='urn:chatconsult:0' consultation='t8m2w6q9z3cd' interaction='k3v9q2xw7hmp' seq='${seq}'
            from='carol' role='contact' time='2026-11-27T16:40:26.030Z'/></message>`);
    [1, 2, 2, 3].forEach(seq => workspace.receive(mirrored(seq)));
    workspace.receive(stanza(`<message type='groupchat' from='${CONSULTATION_ROOM}/dora' id='c1'><body>Refund it</body></message>`));
    const shown = workspace.state.consultations[0];
    assert.deepEqual(shown.mirrored.map(l => [l.seq, l.text]), [[1, 'line 1'], [2, 'line 2'], [3, 'line 3']]);
    assert.deepEqual(shown.lines.map(l => l.text), ['Refund it']);
    assert.deepEqual(workspace.state.chats[0].lines, [], 'nothing of the consultation is in the chat');

    workspace.receive(stanza(`<message from='${SERVICE}'><body>ended</body>
        <consultation-ended xmlns='urn:chatconsult:0' consultation='t8m2w6q9z3cd' interaction='k3v9q2xw7hmp'
        reason='ended-by-target'/></message>`));
    assert.equal(workspace.state.consultations[0].state, 'ended');
    assert.equal(workspace.state.consultations[0].reason, 'ended-by-target');
});

test('a refused request is told in words and fails for the caller', async () => {
    const workspace = signedIn(recordingSession());
    workspace.receive(stanza(OFFER));
    await assert.rejects(workspace.endChat({ interaction: 'k3v9q2xw7hmp' }));
    assert.equal(workspace.state.notices.at(-1).text, 'Refused: item-not-found.');
});

test('a destroyed room ends its chat with the reason the server gives', () => {
    const workspace = signedIn(recordingSession());
    workspace.receive(stanza(OFFER));
    workspace.accept(workspace.state.offers[0]);
    workspace.receive(stanza(`<presence type='unavailable' from='${ROOM}/alice'>
        <x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='none' role='none'/>
        <destroy><reason>This chat has ended. The contact left the chat.</reason></destroy></x></presence>`));
    assert.equal(workspace.state.chats[0].state, 'ended');
    assert.equal(workspace.state.chats[0].reason, 'This chat has ended. The contact left the chat.');
});
