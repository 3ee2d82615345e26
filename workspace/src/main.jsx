// Mounts the workspace in the page's <main id="chatconsult-workspace" data-…>, which names the server's
// WebSocket and BOSH endpoints, the agents' domain and the service's address.
import { render } from 'preact';
import { App } from './ui/App.jsx';
import './workspace.css';

const root = document.getElementById('chatconsult-workspace');
if (root) {
    const { websocket, bosh, domain, service } = root.dataset;
    render(<App settings={{ websocket, bosh, domain, service }} />, root);
}
