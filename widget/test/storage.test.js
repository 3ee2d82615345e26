import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createStorage } from '../src/storage.js';

function memory() {
    const items = new Map();
    return {
        items,
        getItem: key => (items.has(key) ? items.get(key) : null),
        setItem: (key, value) => items.set(key, String(value)),
        removeItem: key => items.delete(key),
    };
}

test('what is saved is loaded back, and cleared', () => {
    const backend = memory();
    const storage = createStorage(backend);
    const saved = { interaction: 'k3v9', token: 't0k3n', lines: [{ who: 'me', text: 'hi', time: 'x' }] };
    assert.equal(storage.load(), null);
    storage.save(saved);
    assert.deepEqual(createStorage(backend).load(), saved);
    storage.clear();
    assert.equal(storage.load(), null);
});

test('unreadable or missing storage loads nothing and saves without failing', () => {
    const backend = memory();
    backend.setItem('chatconsult-widget', '{not json');
    assert.equal(createStorage(backend).load(), null);
    backend.setItem('chatconsult-widget', '42');
    assert.equal(createStorage(backend).load(), null);
    const broken = { getItem() { throw new Error('denied'); }, setItem() { throw new Error('full'); },
        removeItem() { throw new Error('denied'); } };
    const storage = createStorage(broken);
    assert.equal(storage.load(), null);
    storage.save({ token: 'x' });
    storage.clear();
    assert.equal(createStorage(undefined).load(), null);
});

test('each key is its own', () => {
    const backend = memory();
    createStorage(backend, 'a').save({ token: 'a' });
    assert.equal(createStorage(backend, 'b').load(), null);
});
