// The agent logs in with her own XMPP account; a bare user name is taken on the page's domain.
import { useState } from 'preact/hooks';

export function Login({ domain, status, onLogin }) {
    const [user, setUser] = useState('');
    const [password, setPassword] = useState('');
    const submit = event => {
        event.preventDefault();
        onLogin(user, password);
    };
    return (
        <form class="login" onSubmit={submit} aria-label="Log in">
            <h1>ChatConsult agent workspace</h1>
            <label>User <input id="login-user" autocomplete="username" value={user} placeholder={`name@${domain}`}
                onInput={e => setUser(e.target.value)} required /></label>
            <label>Password <input id="login-password" type="password" autocomplete="current-password" value={password}
                onInput={e => setPassword(e.target.value)} required /></label>
            <button type="submit" id="login-submit" disabled={status === 'connecting'}>Log in</button>
            {status === 'auth-failed' && <p role="alert">The user name or password is wrong.</p>}
            {status === 'failed' && <p role="alert">The server cannot be reached.</p>}
        </form>
    );
}
