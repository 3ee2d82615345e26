// The Team Communicator: search as you type across agents, routing points and groups with their readiness;
// favorites and recent targets when nothing is typed; the action it was opened for (consult, conference,
// transfer) on each target (docs/protocol.md: Team Communicator).
import { useEffect, useState } from 'preact/hooks';
import { Action } from './common.jsx';

const ACTIONS = { consult: 'Consult', conference: 'Conference', 'warm-transfer': 'Warm transfer',
    'cold-transfer': 'Cold transfer' };
const SEARCH_PAUSE_MS = 250;

function Target({ target, purpose, onPick, onFavorite }) {
    const load = target.capacity !== undefined ? ` · ${target.load} of ${target.capacity}` : '';
    return (
        <li class={`target ${target.readiness || ''}`} data-jid={target.jid}>
            <span class="name">{target.name || target.jid}</span>
            <span class="kind">{target.kind}</span>
            <span class="target-readiness">{target.readiness || ''}{load}</span>
            <button type="button" class="favorite" aria-pressed={Boolean(target.favorite)}
                aria-label={target.favorite ? 'Remove from favorites' : 'Add to favorites'}
                onClick={() => onFavorite(target)}>{target.favorite ? '★' : '☆'}</button>
            <Action class="pick" onClick={() => onPick(target)}>{ACTIONS[purpose]}</Action>
        </li>
    );
}

export function TeamCommunicator({ workspace, purpose, chat, onClose }) {
    const [text, setText] = useState('');
    const [found, setFound] = useState([]);
    const [favorites, setFavorites] = useState([]);
    const [recent, setRecent] = useState([]);
    const refreshLists = () => {
        workspace.favorites().then(setFavorites, () => setFavorites([]));
        workspace.recent().then(setRecent, () => setRecent([]));
    };
    useEffect(refreshLists, []);
    useEffect(() => {
        if (!text.trim()) {
            setFound([]);
            return undefined;
        }
        let current = true;
        const timer = setTimeout(() => workspace.search(text.trim())
            .then(items => current && setFound(items), () => current && setFound([])), SEARCH_PAUSE_MS);
        return () => { current = false; clearTimeout(timer); };
    }, [text]);
    const isFavorite = jid => favorites.some(f => f.jid === jid);
    const pick = target => (purpose === 'consult' ? workspace.consult(chat, target)
        : workspace.handover(chat, target, purpose)).then(onClose);
    const favorite = target => workspace.setFavorite(target.jid, !isFavorite(target.jid)).then(refreshLists);
    const list = items => items.map(item => (
        <Target key={item.jid + (item.how || '')} target={{ ...item, favorite: isFavorite(item.jid) }}
            purpose={purpose} onPick={pick} onFavorite={favorite} />));
    return (
        <div class="team-communicator" role="dialog" aria-modal="true" aria-label="Team Communicator">
            <header>
                <h2>Team Communicator: {ACTIONS[purpose]} · {chat.contact?.name}</h2>
                <button type="button" class="close" onClick={onClose}>Close</button>
            </header>
            <input type="search" id="team-search" aria-label="Search agents, routing points and groups"
                placeholder="Name or address" value={text} maxLength={256} autofocus
                onInput={e => setText(e.target.value)} />
            {text.trim() ? <ul class="results" aria-label="Results">{list(found)}</ul> : (
                <div>
                    <h3>Favorites</h3>
                    <ul class="favorites">{list(favorites)}</ul>
                    <h3>Recent</h3>
                    <ul class="recent">{list(recent)}</ul>
                </div>
            )}
        </div>
    );
}
