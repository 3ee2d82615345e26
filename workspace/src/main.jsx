// placeholder, replaced by the workspace
document.body.append('ChatConsult workspace');
