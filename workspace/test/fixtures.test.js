// The shared protocol fixtures (protocol/fixtures, also read by the Java SDK's ProtocolFixturesTest): what this
// module reads of every stanza the service sends, and what it writes for every request, must be what they say.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { DOMParser } from '@xmldom/xmldom';
import { readStanza, requests, writeStanza } from '../src/protocol.js';

const FIXTURES = new URL('../../protocol/fixtures/', import.meta.url);

function fixtures(folder) {
    return readdirSync(new URL(folder, FIXTURES)).filter(name => name.endsWith('.xml')).map(name => {
        const base = name.slice(0, -'.xml'.length);
        return { name: base, xml: readFileSync(new URL(`${folder}/${name}`, FIXTURES), 'utf8'),
            json: JSON.parse(readFileSync(new URL(`${folder}/${base}.json`, FIXTURES), 'utf8')) };
    });
}

const parse = xml => new DOMParser().parseFromString(xml, 'text/xml').documentElement;

/** An element as comparable data: names, attributes (the stanza's id aside), non-blank text, children. */
function canonical(element, top = true) {
    const attributes = Array.from(element.attributes).filter(a => !(top && a.name === 'id') && !a.name.startsWith('xmlns'))
        .map(a => `${a.name}=${a.value}`).sort();
    const children = [];
    for (let node = element.firstChild; node; node = node.nextSibling) {
        if (node.nodeType === 1) children.push(canonical(node, false));
        else if ((node.nodeType === 3 || node.nodeType === 4) && node.nodeValue.trim()) children.push(node.nodeValue);
    }
    return { name: `{${element.namespaceURI}}${element.localName}`, attributes, children };
}

for (const fixture of fixtures('received')) {
    test(`reads received/${fixture.name}`, () => {
        assert.deepEqual(readStanza(parse(fixture.xml)), fixture.json);
    });
}

/** How the workspace builds each request the fixtures show, from the values a person picked. */
const BUILT = {
    'agent-capacity': to => requests.readiness(to, { ready: true, capacity: 2 }),
    decline: to => requests.decline(to, { offer: 'p7c2m9x4r8tb', reason: 'On a call' }),
    end: to => requests.end(to, { interaction: 'k3v9q2xw7hmp' }),
    'done-chat': to => requests.doneChat(to, { interaction: 'k3v9q2xw7hmp', disposition: 'resolved',
        note: 'Refund issued' }),
    consult: to => requests.consult(to, { interaction: 'k3v9q2xw7hmp', target: 'dora@example.com' }),
    'end-consultation': to => requests.endConsultation(to, { consultation: 't8m2w6q9z3cd' }),
    'done-consultation': to => requests.doneConsultation(to, { consultation: 't8m2w6q9z3cd', disposition: 'resolved',
        note: 'Refund approved by a manager' }),
    im: to => requests.im(to, { consultation: 't8m2w6q9z3cd' }),
    call: to => requests.call(to, { consultation: 't8m2w6q9z3cd' }),
    history: to => requests.history(to, { interaction: 'k3v9q2xw7hmp' }),
    export: to => requests.export(to, { interaction: 'k3v9q2xw7hmp', format: 'text' }),
    transcript: to => requests.transcript(to, { consultation: 't8m2w6q9z3cd', after: 12 }),
    conference: to => requests.conference(to, { interaction: 'k3v9q2xw7hmp', target: 'dora@example.com' }),
    'transfer-warm': to => requests.transfer(to, { interaction: 'k3v9q2xw7hmp', target: 'dora@example.com',
        mode: 'warm' }),
    'transfer-cold': to => requests.transfer(to, { interaction: 'k3v9q2xw7hmp', target: 'dora@example.com',
        mode: 'cold' }),
    'favorites-get': to => requests.favorites(to),
    'favorites-set': to => requests.changeFavorites(to, { add: ['dora@example.com'],
        remove: ['sales@consult.example.com'] }),
    recent: to => requests.recent(to),
    supervise: to => requests.supervise(to),
    monitor: to => requests.monitor(to, { interaction: 'k3v9q2xw7hmp', consultations: true }),
    whisper: to => requests.whisper(to, { supervision: 's5n7c2r8k4dq', text: 'Offer the voucher' }),
    barge: to => requests.barge(to, { supervision: 's5n7c2r8k4dq' }),
    'end-supervision': to => requests.endSupervision(to, { supervision: 's5n7c2r8k4dq' }),
};

/** A stanza object without the keys nobody set. */
const defined = value => JSON.parse(JSON.stringify(value));

for (const fixture of fixtures('sent')) {
    test(`writes sent/${fixture.name}`, () => {
        const build = BUILT[fixture.name];
        assert.ok(build, `the workspace builds ${fixture.name}`);
        const built = defined(build(fixture.json.to));
        assert.deepEqual(built, fixture.json, 'the request the workspace builds is the fixture');
        assert.deepEqual(canonical(parse(writeStanza(built))), canonical(parse(fixture.xml)), 'written as on the wire');
        assert.deepEqual(readStanza(parse(fixture.xml)), fixture.json, 'and read back the same');
    });
}
