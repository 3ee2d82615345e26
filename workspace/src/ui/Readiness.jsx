// Ready / Not Ready with a reason, and how many chats at once (docs/protocol.md: Agent readiness).
import { useState } from 'preact/hooks';

export function Readiness({ workspace, readiness }) {
    const [reason, setReason] = useState('');
    const [capacity, setCapacity] = useState(readiness.capacity || 3);
    const ready = readiness.readiness === 'ready';
    const set = wantReady => workspace.setReadiness({ ready: wantReady, reason, capacity: Number(capacity) });
    return (
        <section class="readiness" aria-label="Readiness">
            <span class={`state ${readiness.readiness}`} id="readiness-state">{readiness.status || 'Logged out'}</span>
            <button type="button" id="ready" aria-pressed={ready} onClick={() => set(true)}>Ready</button>
            <input id="not-ready-reason" aria-label="Not Ready reason" placeholder="Reason" value={reason} maxLength={200}
                onInput={e => setReason(e.target.value)} />
            <button type="button" id="not-ready" aria-pressed={readiness.readiness === 'not-ready'}
                onClick={() => set(false)}>Not Ready</button>
            <label>Capacity <input id="capacity" type="number" min="1" max="100" value={capacity}
                onChange={e => setCapacity(e.target.value)} /></label>
        </section>
    );
}
