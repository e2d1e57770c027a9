/**
 * The index page's one script, written to `assets/catalogue.js` and loaded
 * with a classic `<script src>`, which browsers run from `file://` too.
 *
 * Without it the index lists every event type and the filter form stays
 * hidden. With it the form appears and narrows the list as the reader types
 * or picks a filter. Each card carries what it is filtered on in `data-*`
 * attributes, so the script needs no data of its own. The form's fields are
 * also read from the page's query string (`index.html?producer=…`), which is
 * how the event pages link to "every event this service produces".
 */
export const FILTER_SCRIPT = `(function () {
  'use strict';
  var form = document.getElementById('filters');
  if (!form) return;
  var cards = Array.prototype.slice.call(document.querySelectorAll('[data-event]'));
  var domains = Array.prototype.slice.call(document.querySelectorAll('[data-domain-section]'));
  var count = document.getElementById('match-count');
  var none = document.getElementById('no-match');
  var listed = function (card, key, value) {
    return value === '' || card.getAttribute('data-' + key).split('|').indexOf(value) !== -1;
  };

  function apply() {
    var terms = form.elements.q.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var shown = 0;
    cards.forEach(function (card) {
      var text = card.getAttribute('data-search');
      var match = terms.every(function (t) { return text.indexOf(t) !== -1; })
        && listed(card, 'domain', form.elements.domain.value)
        && listed(card, 'status', form.elements.status.value)
        && listed(card, 'producers', form.elements.producer.value)
        && listed(card, 'consumers', form.elements.consumer.value);
      card.hidden = !match;
      if (match) shown++;
    });
    domains.forEach(function (section) {
      section.hidden = section.querySelector('[data-event]:not([hidden])') === null;
    });
    count.textContent = shown === cards.length ? 'Showing all ' + shown + ' event types' : 'Showing ' + shown + ' of ' + cards.length + ' event types';
    none.hidden = shown !== 0;
  }

  var query = new URLSearchParams(window.location.search);
  ['q', 'domain', 'status', 'producer', 'consumer'].forEach(function (name) {
    var field = form.elements[name];
    var value = query.get(name);
    if (field && value !== null && (field.tagName !== 'SELECT' || field.querySelector('option[value="' + CSS.escape(value) + '"]'))) field.value = value;
  });
  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
  form.addEventListener('submit', function (e) { e.preventDefault(); });
  form.addEventListener('reset', function () { setTimeout(apply, 0); });
  form.hidden = false;
  apply();
})();
`;
