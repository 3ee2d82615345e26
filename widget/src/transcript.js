// The chat's lines as the contact sees them: hers (with delivery marks), the agents', and the service's notices.

function pad(number) {
    return String(number).padStart(2, '0');
}

/** Local date and time, as a person reads it in a text file: 2026-11-27 16:40:26. */
export function formatTime(date) {
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} `
        + `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

export class Transcript {
    /** @param lines stored lines: {id?, who: 'me'|'agent'|'service', from?, text, time (ISO), mark?} */
    constructor(lines = []) {
        this.lines = lines.filter(line => line && typeof line.text === 'string' && line.time);
    }

    /** Adds a line; an agent's line whose stanza id is here already (said again after a resume) is not added twice. */
    add(line, now = new Date()) {
        if (line.who === 'agent' && line.id && this.lines.some(known => known.who === 'agent' && known.id === line.id)) {
            return undefined;
        }
        const added = { ...line, time: now.toISOString() };
        this.lines.push(added);
        return added;
    }

    /** Marks her line of this stanza id ('delivered' on a receipt, 'failed' on an error); false if none. */
    mark(id, mark) {
        const line = id && this.lines.find(candidate => candidate.who === 'me' && candidate.id === id);
        if (!line) return false;
        line.mark = mark;
        return true;
    }

    /** The transcript as plain text, one line each: "[time] Name: text"; `me` names her own lines. */
    toText(me) {
        return this.lines.map(line => {
            const who = line.who === 'me' ? me : line.from;
            const text = who ? `${who}: ${line.text}` : line.text;
            return `[${formatTime(new Date(line.time))}] ${text}`;
        }).join('\n') + '\n';
    }
}
