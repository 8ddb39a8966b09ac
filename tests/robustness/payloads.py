"""The strings the injection test puts into calendars, each with a marker ("kw-…") that lets the
output checks find where it went. A correct renderer publishes each payload as inert text: the
marker is present and, once the file format's own escaping is undone, the payload is intact."""

PAYLOADS = {
    # HTML: a script element, and a quote that would close an attribute and open an event handler.
    "script": '<script>alert("kw-xss")</script>',
    "attribute": '" onmouseover="alert(\'kw-attr\')" x=\' onfocus=\'kw-attr2',
    # HTML: entities in data must be shown as typed (escaped once, not zero or two times).
    "entity": "&lt;kw-entity&gt; &amp; A&B",
    # A javascript: link in text (url fields reject it at load: see cases/invalid-url--*).
    "javascript": "javascript:alert('kw-jslink')",
    # Mustache tags in data must not be expanded by the templates.
    "mustache": "{{kw-mustache}} {{{kw-triple}}} {{#kw-section}}x{{/kw-section}} {{>kw-partial}} {{=<% %>=}}",
    # iCalendar: a line break that would end the event and smuggle a property and an event.
    "ical": "网上报名\r\nX-KW-SMUGGLED:1\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:kw-smuggled-event",
    # iCalendar TEXT escapes: ; , \ and a bare line feed.
    "ical_text": "kw-ical-text a;b,c\\d\nDTSTART:20990101",
    # JSON: quotes, backslashes, tab, the JavaScript line separators, and a script end tag.
    "json": 'kw-json "q" \\ \t \u2028 \u2029 </script><!-- ',
}

# The marker of each payload: it appears in the output wherever the payload does.
MARKERS = {
    "script": "kw-xss",
    "attribute": "kw-attr",
    "entity": "kw-entity",
    "javascript": "kw-jslink",
    "mustache": "kw-mustache",
    "ical": "kw-smuggled",
    "ical_text": "kw-ical-text",
    "json": "kw-json",
}
