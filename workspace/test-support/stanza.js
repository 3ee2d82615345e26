// Parses stanza XML as the browser would hand it over: a DOM element with namespaces.
import { DOMParser } from '@xmldom/xmldom';

export function stanza(xml) {
    return new DOMParser().parseFromString(`<wrapper xmlns='jabber:client'>${xml}</wrapper>`, 'text/xml')
        .documentElement.firstChild;
}
