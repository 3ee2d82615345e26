// The widget's CSS, scoped under .chatconsult-widget. Pages theme it with custom properties on that element or
// any ancestor (:root will do): --chatconsult-accent, -bg, -fg, -font, -radius.

export const CSS = `
.chatconsult-widget{--cc-accent:var(--chatconsult-accent,#1a5fb4);--cc-bg:var(--chatconsult-bg,#fff);
--cc-fg:var(--chatconsult-fg,#1c1c1c);--cc-radius:var(--chatconsult-radius,10px);
font:14px/1.4 var(--chatconsult-font,system-ui,sans-serif);color:var(--cc-fg);position:fixed;right:16px;bottom:16px;
z-index:2147483000}
.chatconsult-widget *{box-sizing:border-box;font:inherit}
.chatconsult-widget button{cursor:pointer;border-radius:var(--cc-radius);border:1px solid var(--cc-accent);
padding:6px 12px;background:var(--cc-bg);color:var(--cc-accent)}
.chatconsult-widget button:disabled{opacity:.5;cursor:default}
.chatconsult-widget :focus-visible{outline:2px solid var(--cc-accent);outline-offset:2px}
.chatconsult-widget .chatconsult-launcher,.chatconsult-widget .chatconsult-send{background:var(--cc-accent);
color:var(--cc-bg)}
.chatconsult-widget .chatconsult-launcher{padding:12px 18px;box-shadow:0 2px 8px #0004}
.chatconsult-widget .chatconsult-panel{display:flex;flex-direction:column;width:min(360px,calc(100vw - 32px));
height:min(520px,calc(100vh - 32px));background:var(--cc-bg);border-radius:var(--cc-radius);box-shadow:0 4px 20px #0005;
overflow:hidden}
.chatconsult-widget .chatconsult-panel[hidden],.chatconsult-widget [hidden]{display:none}
.chatconsult-widget .chatconsult-header{display:flex;align-items:center;justify-content:space-between;padding:8px 12px;
background:var(--cc-accent);color:var(--cc-bg)}
.chatconsult-widget .chatconsult-header h2{margin:0;font-weight:600}
.chatconsult-widget .chatconsult-close{border:0;background:none;color:inherit;font-size:20px;padding:0 6px}
.chatconsult-widget .chatconsult-status{margin:0;padding:6px 12px;font-size:13px;border-bottom:1px solid #8883}
.chatconsult-widget .chatconsult-log{flex:1;overflow-y:auto;padding:8px 12px}
.chatconsult-widget .chatconsult-line{margin:6px 0;white-space:pre-wrap;overflow-wrap:anywhere}
.chatconsult-widget .chatconsult-line--me{text-align:right}
.chatconsult-widget .chatconsult-line--service{font-style:italic;opacity:.8}
.chatconsult-widget .chatconsult-who{font-weight:600;margin-right:4px}
.chatconsult-widget .chatconsult-time{font-size:11px;opacity:.6;margin-left:6px}
.chatconsult-widget .chatconsult-mark{margin-left:4px;color:var(--cc-accent)}
.chatconsult-widget .chatconsult-typing{margin:0;padding:0 12px 4px;font-size:12px;opacity:.7}
.chatconsult-widget .chatconsult-compose{display:flex;gap:6px;padding:8px 12px;border-top:1px solid #8883}
.chatconsult-widget .chatconsult-compose label{position:absolute;width:1px;height:1px;overflow:hidden;
clip:rect(0 0 0 0)}
.chatconsult-widget textarea{flex:1;resize:none;border:1px solid #8888;border-radius:var(--cc-radius);padding:6px;
background:var(--cc-bg);color:var(--cc-fg)}
.chatconsult-widget .chatconsult-actions{display:flex;gap:6px;justify-content:space-between;padding:0 12px 10px}
`;
