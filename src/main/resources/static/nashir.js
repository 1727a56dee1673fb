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

// Reading preferences, kept in this browser only: a dark or light theme (the system's choice until the reader
// picks one) and the text size. Without JavaScript the controls stay hidden and the system's theme applies.
(function () {
  var root = document.documentElement;
  var store = window.localStorage;
  var sizes = ['', 'large', 'larger'];
  function read(key) { try { return store.getItem(key); } catch (e) { return null; } }
  function write(key, value) { try { store.setItem(key, value); } catch (e) { /* private mode: this page only */ } }
  var theme = read('nashir.theme');
  if (theme === 'dark' || theme === 'light') root.setAttribute('data-theme', theme);
  var size = read('nashir.text');
  if (size === 'large' || size === 'larger') root.setAttribute('data-text', size);
  var tools = document.querySelector('[data-tools]');
  if (!tools) return;
  // The controls keep their place before this runs (no layout shift) and become visible once they work.
  tools.classList.add('ready');
  var toggle = tools.querySelector('[data-theme-toggle]');
  function dark() {
    var t = root.getAttribute('data-theme');
    return t ? t === 'dark' : window.matchMedia('(prefers-color-scheme: dark)').matches;
  }
  toggle.setAttribute('aria-pressed', dark() ? 'true' : 'false');
  toggle.addEventListener('click', function () {
    var next = dark() ? 'light' : 'dark';
    root.setAttribute('data-theme', next);
    write('nashir.theme', next);
    toggle.setAttribute('aria-pressed', next === 'dark' ? 'true' : 'false');
  });
  tools.querySelectorAll('[data-text-size]').forEach(function (b) {
    b.addEventListener('click', function () {
      var i = Math.max(0, Math.min(sizes.length - 1, sizes.indexOf(root.getAttribute('data-text') || '') + Number(b.getAttribute('data-text-size'))));
      if (sizes[i]) root.setAttribute('data-text', sizes[i]); else root.removeAttribute('data-text');
      write('nashir.text', sizes[i]);
    });
  });
})();

// Sharing: the phone's own share sheet where it offers one, and copying the link.
(function () {
  var native = document.querySelector('[data-share-native]');
  if (native && navigator.share) {
    native.hidden = false;
    var b = native.querySelector('button');
    b.addEventListener('click', function () {
      navigator.share({title: b.getAttribute('data-share-title'), url: b.getAttribute('data-share-url')}).catch(function () { /* dismissed */ });
    });
  }
  var copy = document.querySelector('[data-share-copy]');
  if (copy && navigator.clipboard) {
    copy.hidden = false;
    var c = copy.querySelector('button');
    c.addEventListener('click', function () {
      navigator.clipboard.writeText(c.getAttribute('data-copy')).then(function () { c.textContent = c.getAttribute('data-copied'); });
    });
  }
})();

// Embedded posts (YouTube, X, Telegram…): nothing is loaded from the service until the reader asks. The stored
// figure names the service and links to the post; here it gets a button that puts the service's player in its place.
(function () {
  var figures = document.querySelectorAll('figure.embed[data-frame]');
  var holder = document.querySelector('[data-embed-label]');
  var label = holder ? holder.getAttribute('data-embed-label') : '{0}';
  for (var i = 0; i < figures.length; i++) (function (figure) {
    var name = figure.querySelector('figcaption') ? figure.querySelector('figcaption').textContent : '';
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'embed-load';
    button.textContent = label.replace('{0}', name);
    figure.appendChild(button);
    button.addEventListener('click', function () {
      var frame = document.createElement('iframe');
      frame.src = figure.getAttribute('data-frame');
      frame.title = name;
      frame.loading = 'lazy';
      frame.setAttribute('allowfullscreen', '');
      frame.setAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
      figure.replaceChild(frame, button);
      figure.classList.add('loaded');
      frame.focus();
    });
  })(figures[i]);
})();

// Galleries: without JavaScript a strip of pictures readers swipe through (CSS scroll snapping). Here the strip
// also answers the arrow keys, gets previous and next buttons over the pictures (no layout shift) and a counter.
(function () {
  var galleries = document.querySelectorAll('.body figure.gallery');
  var holder = document.querySelector('[data-gallery-labels]');
  if (!galleries.length || !holder) return;
  var words = holder.getAttribute('data-gallery-labels').split('|');
  var rtl = document.documentElement.dir === 'rtl';
  for (var i = 0; i < galleries.length; i++) (function (strip) {
    var count = strip.children.length;
    // The server put the gallery in its box (BodyHtml.forReaders), so adding the buttons moves nothing.
    var box = strip.parentNode;
    if (!box.classList.contains('gallery-box')) return;
    strip.tabIndex = 0;
    strip.setAttribute('role', 'group');
    strip.setAttribute('aria-roledescription', words[0]);
    strip.setAttribute('aria-label', words[0]);
    var counter = document.createElement('span');
    counter.className = 'gallery-count';
    counter.setAttribute('aria-live', 'polite');
    function current() {
      var step = strip.children[0].getBoundingClientRect().width || 1;
      return Math.min(count - 1, Math.round(Math.abs(strip.scrollLeft) / step));
    }
    // The counter is measured only once the reader moves (and once per frame): measuring while the page loads
    // would force a layout of the whole article on a slow phone.
    var pending = false;
    function show(index) { counter.textContent = words[3].replace('{0}', index + 1).replace('{1}', count); }
    function button(cls, label, delta) {
      var b = document.createElement('button');
      b.type = 'button';
      b.className = 'gallery-step ' + cls;
      b.setAttribute('aria-label', label);
      // Each arrow points outwards, toward the side it sits on (right for "previous" in Arabic).
      b.textContent = (delta < 0) === rtl ? '\u203A' : '\u2039';
      b.addEventListener('click', function () { step(delta); });
      box.appendChild(b);
    }
    function step(delta) {
      var index = Math.max(0, Math.min(count - 1, current() + delta));
      strip.children[index].scrollIntoView({behavior: 'smooth', block: 'nearest', inline: 'start'});
    }
    button('prev', words[1], -1);
    button('next', words[2], 1);
    box.appendChild(counter);
    show(0);
    strip.addEventListener('scroll', function () {
      if (pending) return;
      pending = true;
      requestAnimationFrame(function () { pending = false; show(current()); });
    }, {passive: true});
    // The arrow pointing the way the pictures run (left in Arabic) goes forward.
    strip.addEventListener('keydown', function (e) {
      if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
      e.preventDefault();
      step((e.key === 'ArrowLeft') === rtl ? 1 : -1);
    });
  })(galleries[i]);
})();

// Search suggestions: the box stays a plain form; with scripts, what is typed fills its datalist, which browsers
// show as a list the keyboard and screen readers reach like any other. Asked 200 ms after the last key, at most once
// per text; answers are cached by the browser for a minute.
(function () {
  var box = document.querySelector('input[data-suggest]');
  if (!box || !window.fetch) return;
  var list = document.getElementById(box.getAttribute('list'));
  var timer = null, asked = '', urls = {};
  // A suggestion chosen as it is goes to its page (the article, section or tag) instead of a search for its words.
  box.form.addEventListener('submit', function (e) {
    var url = urls[box.value.trim()];
    if (url) { e.preventDefault(); window.location.href = url; }
  });
  box.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var q = box.value.trim();
      if (q.length < 2 || q === asked) return;
      asked = q;
      fetch(box.getAttribute('data-suggest') + '?q=' + encodeURIComponent(q), {credentials: 'omit'})
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (j) {
          if (!j || box.value.trim() !== q) return;
          list.textContent = '';
          j.items.forEach(function (item) {
            var option = document.createElement('option');
            option.value = item.text;
            list.appendChild(option);
            urls[item.text] = item.url;
          });
        })
        .catch(function () {});
    }, 200);
  });
})();
