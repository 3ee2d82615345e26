// For supervisors: the live chats with their agents, waiting time and duration, and a supervision of one:
// the chat mirrored, whispers to its agent, barge in, leave (docs/protocol.md: Supervision).
import { useEffect, useState } from 'preact/hooks';
import { Action, Composer, Transcript } from './common.jsx';

const REFRESH_MS = 5000;
const seconds = (from, to) => Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000));
const span = s => (s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`);

export function LiveChats({ workspace, chats }) {
    const [now, setNow] = useState(new Date().toISOString());
    useEffect(() => {
        const refresh = () => { workspace.refreshLiveChats(); setNow(new Date().toISOString()); };
        refresh();
        const timer = setInterval(refresh, REFRESH_MS);
        return () => clearInterval(timer);
    }, []);
    return (
        <table class="live-chats" aria-label="Live chats">
            <thead><tr><th>Contact</th><th>Routing point</th><th>State</th><th>Agent</th><th>Waited</th>
                <th>Duration</th><th>Consultations</th><th /></tr></thead>
            <tbody>
                {chats.map(chat => (
                    <tr key={chat.id} data-interaction={chat.id}>
                        <td>{chat.contact}</td><td>{chat.routingPoint}</td><td>{chat.state}</td>
                        <td>{chat.agentName || chat.agent || 'waiting'}</td>
                        <td>{chat.answered ? span(seconds(chat.started, chat.answered)) : ''}</td>
                        <td>{span(seconds(chat.started, now))}</td><td>{chat.consultations}</td>
                        <td>
                            <Action class="monitor" onClick={() => workspace.monitor(chat, false)}>Monitor</Action>
                            <Action class="monitor-all" onClick={() => workspace.monitor(chat, true)}>
                                Monitor with consultations</Action>
                        </td>
                    </tr>
                ))}
            </tbody>
        </table>
    );
}

export function SupervisionView({ workspace, supervision }) {
    return (
        <article class="supervision" data-supervision={supervision.id} data-interaction={supervision.interaction}>
            <header>
                <h2>Supervising {supervision.chat.contact}'s chat · {supervision.chat.agentName || 'no agent yet'}</h2>
                <span>{supervision.mode === 'barged' ? 'in the chat' : 'monitoring'}{supervision.state === 'ended'
                    ? `, ended: ${supervision.reason}` : ''}</span>
            </header>
            <Transcript lines={supervision.mirrored} label="The chat, mirrored" className="mirrored" />
            <h4>Whispers</h4>
            <Transcript lines={supervision.lines} label="Whispers" className="whispers" />
            <Composer label="Whisper to the agent" disabled={supervision.state === 'ended'}
                onSay={text => workspace.whisper(supervision, text)} />
            <div class="actions">
                {supervision.mode !== 'barged' && <Action class="barge" onClick={() => workspace.barge(supervision)}>
                    Barge in</Action>}
                <Action class="leave" onClick={() => workspace.endSupervision(supervision)}>Leave</Action>
            </div>
        </article>
    );
}
