// The agent's one page: readiness, offers, a tab per chat (its consultations below it), a tab per consultation
// she was asked into, and for supervisors the live chats and their supervisions.
import { useEffect, useState } from 'preact/hooks';
import { Workspace } from '../model.js';
import { loginAddress, openSession } from '../session.js';
import { ChatView } from './ChatView.jsx';
import { ConsultationPane } from './ConsultationPane.jsx';
import { Login } from './Login.jsx';
import { Offers } from './Offers.jsx';
import { Readiness } from './Readiness.jsx';
import { LiveChats, SupervisionView } from './Supervisor.jsx';
import { TeamCommunicator } from './TeamCommunicator.jsx';

function Tabs({ workspace, state }) {
    const tab = (key, label, extra = '') => (
        <button type="button" role="tab" key={key} class={`tab ${extra}`} aria-selected={state.selected === key}
            data-tab={key} onClick={() => workspace.select(key)}>{label}</button>
    );
    return (
        <nav class="tabs" role="tablist">
            {state.chats.map(chat => tab(chat.interaction, chat.contact?.name || 'Chat', chat.state))}
            {state.consultations.filter(c => c.role === 'target').map(c =>
                tab(`consultation:${c.id}`, `Consultation: ${c.contact?.name}`, c.state))}
            {state.supervisions.map(s => tab(`supervision:${s.id}`, `Supervising ${s.chat.contact}`))}
            {state.supervisor && tab('live', 'Live chats')}
        </nav>
    );
}

function Selected({ workspace, state, openTeamCommunicator }) {
    const chat = state.chats.find(c => c.interaction === state.selected) || (!state.selected && state.chats[0]);
    if (chat) {
        const consultations = state.consultations.filter(c => c.interaction === chat.interaction && c.role === 'initiator');
        return <ChatView workspace={workspace} chat={chat} consultations={consultations}
            openTeamCommunicator={openTeamCommunicator} />;
    }
    const consultation = state.consultations.find(c => `consultation:${c.id}` === state.selected);
    if (consultation) {
        return (
            <article class="consulted" data-interaction={consultation.interaction}>
                <h2>{consultation.other?.name} consults you about {consultation.contact?.name}'s chat
                    ({consultation.routingPoint?.name})</h2>
                <ConsultationPane workspace={workspace} consultation={consultation} />
            </article>
        );
    }
    const supervision = state.supervisions.find(s => `supervision:${s.id}` === state.selected);
    if (supervision) return <SupervisionView workspace={workspace} supervision={supervision} />;
    if (state.selected === 'live') return <LiveChats workspace={workspace} chats={state.liveChats} />;
    return <p class="idle">No chat open. Go Ready to receive chats.</p>;
}

export function App({ settings }) {
    const [workspace, setWorkspace] = useState(null);
    const [state, setState] = useState(null);
    const [status, setStatus] = useState('signed-out');
    const [picking, setPicking] = useState(null);
    useEffect(() => workspace?.subscribe(setState), [workspace]);

    const login = (user, password) => {
        let current = null;
        const session = openSession(settings, loginAddress(user, settings.domain), password, {
            onStatus: (next, jid) => {
                setStatus(next);
                if (next === 'connected') {
                    current.connected(jid);
                    current.refreshLiveChats();
                } else if (current) {
                    current.update({ connection: next });
                }
            },
            onStanza: stanza => current.receive(stanza),
        });
        current = new Workspace({ service: settings.service, session });
        window.ChatConsultWorkspace = { state: () => current.state };
        setWorkspace(current);
        setState(current.state);
    };

    if (!workspace || status !== 'connected' && state?.connection !== 'disconnected') {
        return <Login domain={settings.domain} status={status} onLogin={login} />;
    }
    return (
        <div class="workspace">
            <header class="top">
                <strong>ChatConsult</strong> <span class="me">{state.me}</span>
                <Readiness workspace={workspace} readiness={state.readiness} />
                {state.connection === 'disconnected' && <span role="alert">Disconnected: log in again.</span>}
            </header>
            <Offers workspace={workspace} offers={state.offers} />
            <Tabs workspace={workspace} state={state} />
            <main class="content">
                <Selected workspace={workspace} state={state} openTeamCommunicator={setPicking} />
            </main>
            {picking && <TeamCommunicator workspace={workspace} purpose={picking.purpose} chat={picking.chat}
                onClose={() => setPicking(null)} />}
            <ul class="notices" role="status">{state.notices.map(n => <li key={n.time + n.text}>{n.text}</li>)}</ul>
        </div>
    );
}
