// Pieces every pane uses: a transcript, a line composer with typing states, the Done form, a deadline.
import { useEffect, useRef, useState } from 'preact/hooks';

const clock = time => (time ? new Date(time).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : '');

/** Lines of a room or a mirror, newest last, kept scrolled to the newest. */
export function Transcript({ lines, label, className = '' }) {
    const list = useRef(null);
    useEffect(() => {
        if (list.current) list.current.scrollTop = list.current.scrollHeight;
    }, [lines.length]);
    return (
        <ol class={`transcript ${className}`} ref={list} role="log" aria-label={label}>
            {lines.map(line => (
                <li key={line.key || `${line.consultation || ''}-${line.seq}`} class={`line role-${line.role || 'room'}`}
                    data-seq={line.seq}>
                    <time>{clock(line.time)}</time> <b class="from">{line.from}</b> <span class="text">{line.text}</span>
                </li>
            ))}
        </ol>
    );
}

/** A text box that sends on Enter and tells the room when she types and stops (XEP-0085). */
export function Composer({ onSay, onTyping, label, disabled }) {
    const [text, setText] = useState('');
    const typing = useRef(false);
    const pause = useRef(null);
    const state = next => {
        if (!onTyping || typing.current === (next === 'composing')) return;
        typing.current = next === 'composing';
        onTyping(next);
    };
    const send = event => {
        event.preventDefault();
        if (!text.trim()) return;
        onSay(text);
        typing.current = false; // a line said counts as active (XEP-0085 §5.1)
        setText('');
    };
    const input = event => {
        setText(event.target.value);
        state('composing');
        clearTimeout(pause.current);
        pause.current = setTimeout(() => state('paused'), 5000);
    };
    return (
        <form class="composer" onSubmit={send}>
            <input type="text" aria-label={label} value={text} onInput={input} disabled={disabled} maxLength={10000} />
            <button type="submit" disabled={disabled}>Send</button>
        </form>
    );
}

/** Mark Done with an optional disposition code and note (docs/protocol.md: Mark Done). */
export function DoneForm({ onDone, onCancel }) {
    const [disposition, setDisposition] = useState('');
    const [note, setNote] = useState('');
    const submit = event => {
        event.preventDefault();
        onDone(disposition.trim(), note.trim());
    };
    return (
        <form class="done-form" onSubmit={submit}>
            <label>Disposition <input name="disposition" value={disposition} maxLength={64}
                onInput={e => setDisposition(e.target.value)} /></label>
            <label>Note <textarea name="note" value={note} maxLength={2000} onInput={e => setNote(e.target.value)} /></label>
            <button type="submit" class="confirm-done">Mark done</button>
            <button type="button" onClick={onCancel}>Cancel</button>
        </form>
    );
}

/** Seconds left until an ISO time, counting down. */
export function Countdown({ until }) {
    const [now, setNow] = useState(Date.now());
    useEffect(() => {
        const timer = setInterval(() => setNow(Date.now()), 1000);
        return () => clearInterval(timer);
    }, []);
    const left = Math.max(0, Math.round((Date.parse(until) - now) / 1000));
    return <span class="countdown" role="timer">{left} s</span>;
}

/** Runs an action and keeps its button from being pressed twice meanwhile. */
export function Action({ onClick, children, ...rest }) {
    const [busy, setBusy] = useState(false);
    const click = () => {
        setBusy(true);
        // A refusal is shown by the workspace as a notice; the button just comes back.
        Promise.resolve(onClick()).catch(() => {}).finally(() => setBusy(false));
    };
    return <button type="button" disabled={busy} onClick={click} {...rest}>{children}</button>;
}
