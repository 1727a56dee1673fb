// Counts this page view once it is shown: the page itself may come from a cache, the beacon never does.
(function () {
  var el = document.querySelector('[data-view-beacon]');
  if (!el) return;
  var url = el.getAttribute('data-view-beacon');
  if (navigator.sendBeacon) navigator.sendBeacon(url);
  else if (window.fetch) fetch(url, {method: 'POST', keepalive: true, credentials: 'omit'});
})();
