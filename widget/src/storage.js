// What survives a reload of the page: the chat's lines, its interaction id and resumption token.
// Backed by sessionStorage (per tab, gone when the tab closes); any {getItem, setItem, removeItem} will do.

const KEY = 'chatconsult-widget';

function defaultBackend() {
    try {
        return globalThis.sessionStorage;
    } catch (blocked) {
        return undefined; // storage disabled by the browser: the chat simply does not survive a reload
    }
}

export function createStorage(backend = defaultBackend(), key = KEY) {
    return {
        load() {
            try {
                const saved = JSON.parse(backend.getItem(key));
                return saved && typeof saved === 'object' ? saved : null;
            } catch (unreadable) {
                return null;
            }
        },
        save(saved) {
            try {
                backend.setItem(key, JSON.stringify(saved));
            } catch (full) {
                // quota exceeded or no storage: the live chat goes on
            }
        },
        clear() {
            try {
                backend.removeItem(key);
            } catch (none) {
                // nothing stored
            }
        },
    };
}
