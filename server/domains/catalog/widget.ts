/**
 * The embeddable widget: a municipality pastes one tag on its own site,
 *   <script src="https://…/api/regions/<slug>/catalog/widget.js" data-gemeente="33011" data-aantal="5" async></script>
 * and the script renders the upcoming offers from the JSON-LD feed right after itself. Plain ES2017, no
 * dependencies, text inserted with textContent only (never HTML from the feed), ~2 kB.
 */
export const WIDGET_SCRIPT = `(function () {
  var script = document.currentScript;
  if (!script) return;
  var source = new URL(script.src);
  var base = source.href.replace(/widget\\.js.*$/, '');
  var municipality = script.getAttribute('data-gemeente');
  var count = Math.min(Math.max(parseInt(script.getAttribute('data-aantal') || '5', 10) || 5, 1), 20);
  var feed = base + 'feed.jsonld?limit=' + count + (municipality ? '&gemeente=' + encodeURIComponent(municipality) : '');
  var box = document.createElement('section');
  box.className = 'regiekamer-aanbod';
  box.setAttribute('aria-label', 'Aanbod in de buurt');
  box.style.cssText = 'font:16px/1.4 system-ui,sans-serif;border:1px solid #c8ccd0;border-radius:8px;padding:12px;max-width:480px;color:#1a1a1a;background:#fff';
  script.parentNode.insertBefore(box, script.nextSibling);
  function el(tag, text, css) { var node = document.createElement(tag); if (text) node.textContent = text; if (css) node.style.cssText = css; return node; }
  function when(iso) { return new Date(iso).toLocaleString('nl-BE', { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }); }
  function text(value) { return typeof value === 'string' ? value : (value && value.nl) || ''; }
  fetch(feed).then(function (response) { return response.json(); }).then(function (data) {
    box.appendChild(el('h2', 'Aanbod in de buurt', 'font-size:18px;margin:0 0 8px'));
    var items = (data.itemListElement || []).slice(0, count);
    if (items.length === 0) { box.appendChild(el('p', 'Er is op dit moment geen aanbod.')); return; }
    var list = el('ul', '', 'list-style:none;margin:0;padding:0');
    items.forEach(function (entry) {
      var event = entry.item || {};
      var li = el('li', '', 'padding:8px 0;border-top:1px solid #e4e6e8');
      var link = el('a', text(event.name), 'color:#0b5394;font-weight:600');
      link.href = event.url;
      li.appendChild(link);
      var meta = [event.startDate ? when(event.startDate) : 'Altijd open', event.location && event.location.address && event.location.address.addressLocality].filter(Boolean).join(' · ');
      li.appendChild(el('div', meta, 'font-size:14px;color:#444'));
      var icons = /taaliconen:(\\d)/.exec(event.keywords || '');
      if (icons) li.appendChild(el('div', 'Taaliconen: ' + icons[1] + ' van 4', 'font-size:14px;color:#444'));
      list.appendChild(li);
    });
    box.appendChild(list);
    var more = el('a', 'Alle activiteiten', 'display:inline-block;margin-top:8px;color:#0b5394');
    more.href = (data.url || '') + (municipality ? (data.url && data.url.indexOf('?') >= 0 ? '&' : '?') + 'gemeente=' + encodeURIComponent(municipality) : '');
    box.appendChild(more);
  }).catch(function () { box.appendChild(el('p', 'Het aanbod kon niet geladen worden.')); });
})();
`;
