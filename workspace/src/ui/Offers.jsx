// Incoming offers: a chat, a consultation request, a conference or transfer; accept, decline, the deadline.
import { useState } from 'preact/hooks';
import { Action, Countdown } from './common.jsx';

const TITLES = { chat: 'New chat', consultation: 'Consultation request', conference: 'Conference',
    'warm-transfer': 'Warm transfer', 'cold-transfer': 'Cold transfer' };

function Preview({ offer }) {
    if (offer.preview) return <blockquote class="preview">{offer.preview}</blockquote>;
    return (
        <ol class="preview">
            {(offer.lines || []).map(line => <li key={line.time}><b>{line.from}</b> {line.text}</li>)}
        </ol>
    );
}

function OfferCard({ workspace, offer }) {
    const [reason, setReason] = useState('');
    const kind = offer.kind;
    const from = offer.initiator ? `${offer.initiator.name} asks about ` : '';
    return (
        <article class={`offer offer-${kind}`} data-offer={offer.id} data-interaction={offer.interaction}>
            <h3>{TITLES[kind] || kind}</h3>
            <p>{from}{offer.contact?.name} via {offer.routingPoint?.name} · <Countdown until={offer.expires} /></p>
            <Preview offer={offer} />
            <button type="button" class="accept" onClick={() => workspace.accept(offer)}>Accept</button>
            <input aria-label="Reason" placeholder="Reason (optional)" value={reason} maxLength={2000}
                onInput={e => setReason(e.target.value)} />
            <Action class="decline" onClick={() => workspace.decline(offer, reason)}>
                {kind === 'consultation' ? 'Release' : 'Decline'}
            </Action>
        </article>
    );
}

export function Offers({ workspace, offers }) {
    if (!offers.length) return null;
    return (
        <section class="offers" aria-label="Offers">
            {offers.map(offer => <OfferCard key={offer.id} workspace={workspace} offer={offer} />)}
        </section>
    );
}
