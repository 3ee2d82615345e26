// One consultation: the contact's chat mirrored read-only (history, then live), the consultation's own
// conversation, IM and call of the other member, end and done (docs/protocol.md: Chat consultation).
import { useState } from 'preact/hooks';
import { Action, Composer, DoneForm, Transcript } from './common.jsx';

const STATES = { requested: 'waiting for the target', joining: 'joining', active: 'active', ended: 'ended' };

export function ConsultationPane({ workspace, consultation }) {
    const [finishing, setFinishing] = useState(false);
    const [im, setIm] = useState(false);
    const live = consultation.state !== 'ended';
    const other = consultation.other?.name || consultation.other?.jid || 'the target';
    return (
        <section class={`consultation ${consultation.state}`} data-consultation={consultation.id}
            data-interaction={consultation.interaction} aria-label={`Consultation with ${other}`}>
            <header>
                <h3>Consultation with {other}</h3>
                <span class="consultation-state">{STATES[consultation.state]}{consultation.reason
                    ? ` (${consultation.reason})` : ''}{consultation.done ? ', done' : ''}</span>
            </header>
            <div class="panes">
                <div>
                    <h4>Contact transcript (read-only)</h4>
                    <Transcript lines={consultation.mirrored} label="Contact transcript" className="mirrored" />
                </div>
                <div>
                    <h4>Consultation</h4>
                    <Transcript lines={consultation.lines} label="Consultation conversation" className="conversation" />
                    <Composer label="Message to the consultation" disabled={!live}
                        onSay={text => workspace.say(consultation.room, text)} />
                </div>
            </div>
            {consultation.im.length > 0 && <Transcript lines={consultation.im} label="Instant messages" className="im" />}
            {im && <Composer label={`IM to ${other}`} onSay={text => workspace.im(consultation, text).then(() => setIm(false))} />}
            {consultation.calling && <p class="calling">Calling {consultation.calling}…</p>}
            <div class="actions">
                {live && <Action class="end-consultation" onClick={() => workspace.endConsultation(consultation)}>End</Action>}
                {!consultation.done && <button type="button" class="done-consultation"
                    onClick={() => setFinishing(true)}>Done</button>}
                {live && <button type="button" class="im-other" onClick={() => setIm(true)}>IM</button>}
                {live && <Action class="call-other" onClick={() => workspace.call(consultation)}>Call</Action>}
                {consultation.done && <button type="button" class="close"
                    onClick={() => workspace.closeConsultation(consultation)}>Close</button>}
            </div>
            {finishing && <DoneForm onCancel={() => setFinishing(false)} onDone={(disposition, note) =>
                workspace.doneConsultation(consultation, disposition, note).then(() => setFinishing(false), () => {})} />}
        </section>
    );
}
