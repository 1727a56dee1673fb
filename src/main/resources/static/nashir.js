// Counts this page view once it is shown: the page itself may come from a cache, the beacon never does.
(function () {
  var el = document.querySelector('[data-view-beacon]');
  if (!el) return;
  var url = el.getAttribute('data-view-beacon');
  if (navigator.sendBeacon) navigator.sendBeacon(url);
  else if (window.fetch) fetch(url, {method: 'POST', keepalive: true, credentials: 'omit'});
})();

// The comment form's anti-spam token comes from an uncached request, so the page itself can be cached.
(function () {
  var form = document.querySelector('form[data-token-for]');
  if (!form || !window.fetch) return;
  fetch('/comments/token?article=' + form.getAttribute('data-token-for'), {credentials: 'omit', cache: 'no-store'})
    .then(function (r) { return r.ok ? r.json() : null; })
    .then(function (j) { if (j) form.elements.token.value = j.token; });
  document.addEventListener('click', function (e) {
    var link = e.target.closest && e.target.closest('a[data-reply]');
    if (!link) return;
    e.preventDefault();
    form.elements.parent_id.value = link.getAttribute('data-reply');
    form.elements.comment.focus();
  });
})();

// Live coverage: while it goes on, the entries are fetched again every 15 s and replaced when they changed. The
// fragment is cached like pages (ETag), so an unchanged list costs the server a 304. Paused while the tab is hidden.
(function () {
  var section = document.querySelector('[data-live]');
  if (!section || section.hasAttribute('data-ended') || !window.fetch || !window.DOMParser) return;
  var url = section.getAttribute('data-live');
  var box = section.querySelector('[aria-live]');
  function refresh() {
    if (document.hidden) return;
    fetch(url, {credentials: 'omit', cache: 'no-cache'})
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (html === null) return;
        var list = new DOMParser().parseFromString(html, 'text/html').querySelector('.live-entries');
        var current = box.querySelector('.live-entries');
        if (list && current && list.innerHTML !== current.innerHTML) current.replaceWith(document.importNode(list, true));
      })
      .catch(function () { /* the next round tries again */ });
  }
  setInterval(refresh, 15000);
  document.addEventListener('visibilitychange', refresh);
})();
