import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Transcript, formatTime } from '../src/transcript.js';

// Local times, so the expected text holds in any time zone.
const AT = new Date(2026, 10, 27, 16, 40, 26);
const LATER = new Date(2026, 10, 27, 16, 41, 5);

test('times read as local date and time', () => {
    assert.equal(formatTime(AT), '2026-11-27 16:40:26');
});

test('the text export has one line each, with its time and who said it', () => {
    const transcript = new Transcript();
    transcript.add({ who: 'service', text: 'Thank you for contacting Sales.' }, AT);
    transcript.add({ who: 'me', text: 'Hi, my parcel is late', id: 'cc1' }, AT);
    transcript.add({ who: 'agent', from: 'Alice', text: 'Let me check.' }, LATER);
    assert.equal(transcript.toText('You'), [
        '[2026-11-27 16:40:26] Thank you for contacting Sales.',
        '[2026-11-27 16:40:26] You: Hi, my parcel is late',
        '[2026-11-27 16:41:05] Alice: Let me check.',
        '',
    ].join('\n'));
});

test('an empty transcript exports an empty line', () => {
    assert.equal(new Transcript().toText('You'), '\n');
});

test('a receipt marks her line of that id, and only hers', () => {
    const transcript = new Transcript();
    transcript.add({ who: 'agent', from: 'Alice', text: 'x', id: 'same' }, AT);
    transcript.add({ who: 'me', text: 'y', id: 'cc2' }, AT);
    assert.equal(transcript.mark('same', 'delivered'), false);
    assert.equal(transcript.mark('unknown', 'delivered'), false);
    assert.equal(transcript.mark(undefined, 'delivered'), false);
    assert.equal(transcript.mark('cc2', 'delivered'), true);
    assert.deepEqual(transcript.lines.map(line => line.mark), [undefined, 'delivered']);
});

test('stored lines come back; broken ones are dropped', () => {
    const line = { who: 'me', text: 'hi', time: AT.toISOString(), id: 'cc1', mark: 'delivered' };
    const transcript = new Transcript([line, null, { who: 'me' }, { text: 'no time' }]);
    assert.deepEqual(transcript.lines, [line]);
});

test('an agent line said again after a resume (same stanza id) is shown once', () => {
    const transcript = new Transcript();
    transcript.add({ who: 'agent', from: 'Alice', text: 'Answer 1', id: 'r1' }, AT);
    assert.equal(transcript.add({ who: 'agent', from: 'Alice', text: 'Answer 1', id: 'r1' }, LATER), undefined);
    transcript.add({ who: 'agent', from: 'Alice', text: 'Answer 1' }, LATER); // no id: nothing to know it by
    assert.deepEqual(transcript.lines.map(line => line.text), ['Answer 1', 'Answer 1']);
});
