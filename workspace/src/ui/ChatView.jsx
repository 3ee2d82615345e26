// One chat: its transcript, who types, what the agent says, its actions, and its consultations below it.
import { useState } from 'preact/hooks';
import { Action, Composer, DoneForm, Transcript } from './common.jsx';
import { ConsultationPane } from './ConsultationPane.jsx';

function Typing({ typing }) {
    const who = Object.entries(typing).filter(([, state]) => state === 'composing').map(([nick]) => nick);
    return <p class="typing" aria-live="polite">{who.length ? `${who.join(', ')} typing…` : ''}</p>;
}

export function ChatView({ workspace, chat, consultations, openTeamCommunicator }) {
    const [finishing, setFinishing] = useState(false);
    const live = chat.state !== 'ended';
    const pick = purpose => openTeamCommunicator({ purpose, chat });
    return (
        <article class={`chat ${chat.state}`} id={`chat-${chat.interaction}`} data-interaction={chat.interaction}>
            <header>
                <h2>{chat.contact?.name || 'Contact'} · {chat.routingPoint?.name}</h2>
                <span class="chat-state">{live ? chat.state : `ended: ${chat.reason}`}</span>
            </header>
            <Transcript lines={chat.lines} label="Chat transcript" className="chat-transcript" />
            <Typing typing={chat.typing} />
            {chat.notes.map(note => <p class="chat-note" key={note}>{note}</p>)}
            <Composer label="Message to the chat" disabled={!live} onSay={text => workspace.say(chat.room, text)}
                onTyping={state => workspace.typing(chat.room, state)} />
            <div class="actions">
                {live && <button type="button" class="consult" onClick={() => pick('consult')}>Consult</button>}
                {live && <button type="button" class="conference" onClick={() => pick('conference')}>Conference</button>}
                {live && <button type="button" class="warm-transfer" onClick={() => pick('warm-transfer')}>Warm transfer</button>}
                {live && <button type="button" class="cold-transfer" onClick={() => pick('cold-transfer')}>Cold transfer</button>}
                {live && <Action class="end-chat" onClick={() => workspace.endChat(chat)}>End</Action>}
                {live && <button type="button" class="done-chat" onClick={() => setFinishing(true)}>Done</button>}
                {!live && <button type="button" class="close" onClick={() => workspace.closeChat(chat)}>Close</button>}
            </div>
            {finishing && <DoneForm onCancel={() => setFinishing(false)} onDone={(disposition, note) =>
                workspace.doneChat(chat, disposition, note).then(() => setFinishing(false), () => {})} />}
            <section class="consultations" aria-label="Consultations about this chat">
                {consultations.map(c => <ConsultationPane key={c.id} workspace={workspace} consultation={c} />)}
            </section>
        </article>
    );
}
