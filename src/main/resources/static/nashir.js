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
