// The article editor: a right-to-left rich-text area over the body's textarea. Without JavaScript the textarea
// itself is used (HTML); with it, editors format text with a small toolbar and the HTML is written back on submit.
// Whatever is pasted (Word, web pages) is cleaned by the server's sanitizer when the article is saved.
(function () {
  var area = document.querySelector('textarea[data-rich]');
  if (!area || !document.execCommand) return;
  var rich = document.createElement('div');
  rich.className = 'rich';
  rich.contentEditable = 'true';
  rich.dir = 'auto';
  rich.setAttribute('role', 'textbox');
  rich.setAttribute('aria-multiline', 'true');
  rich.setAttribute('aria-labelledby', area.id + '-label');
  rich.innerHTML = area.value;
  // Enter starts a new paragraph, not a <div>.
  document.execCommand('defaultParagraphSeparator', false, 'p');
  var bar = document.querySelector('[data-toolbar]');
  bar.hidden = false;
  area.hidden = true;
  area.parentNode.insertBefore(rich, area);
  bar.addEventListener('click', function (e) {
    var b = e.target.closest('button[data-cmd]');
    if (!b) return;
    e.preventDefault();
    var cmd = b.getAttribute('data-cmd'), arg = b.getAttribute('data-arg');
    if (cmd === 'createLink') {
      arg = window.prompt(b.getAttribute('data-prompt'), 'https://');
      if (!arg) return;
    }
    document.execCommand(cmd, false, arg);
    rich.focus();
  });
  // A library picture goes where the caret was, as a figure with its caption and credit. The caret is remembered
  // because choosing from the list moves the focus out of the text. Built with DOM calls, so names are never markup.
  var saved = null;
  document.addEventListener('selectionchange', function () {
    var s = window.getSelection();
    if (s.rangeCount && rich.contains(s.getRangeAt(0).commonAncestorContainer)) saved = s.getRangeAt(0).cloneRange();
  });
  var picker = bar.querySelector('[data-insert-picture]');
  if (picker) picker.addEventListener('change', function () {
    var o = picker.selectedOptions[0];
    if (!o || !o.value) return;
    var fig = document.createElement('figure'), img = document.createElement('img'), cap = document.createElement('figcaption');
    img.src = o.getAttribute('data-src');
    img.alt = o.textContent;
    img.width = +o.getAttribute('data-width');
    img.height = +o.getAttribute('data-height');
    fig.appendChild(img);
    cap.textContent = o.getAttribute('data-caption');
    if (o.getAttribute('data-credit')) {
      var cite = document.createElement('cite');
      cite.textContent = o.getAttribute('data-credit');
      cap.appendChild(document.createTextNode(' '));
      cap.appendChild(cite);
    }
    if (cap.textContent.trim()) fig.appendChild(cap);
    place(fig);
    picker.value = '';
  });
  // A table of three columns and three rows, the first a header row, to fill in place.
  var tableButton = bar.querySelector('[data-insert-table]');
  if (tableButton) tableButton.addEventListener('click', function () {
    var table = document.createElement('table');
    for (var i = 0; i < 3; i++) {
      var tr = table.appendChild(document.createElement(i === 0 ? 'thead' : 'tbody')).appendChild(document.createElement('tr'));
      for (var j = 0; j < 3; j++) tr.appendChild(document.createElement(i === 0 ? 'th' : 'td')).appendChild(document.createElement('br'));
    }
    var first = place(table);
    var r = document.createRange();
    r.setStart(table.querySelector('th'), 0);
    r.collapse(true);
    first.removeAllRanges();
    first.addRange(r);
  });
  // Puts a block after the block the caret is in (never splitting a paragraph), then an empty paragraph to type on,
  // and returns the selection. DOM calls, not insertHTML: Chrome's insertHTML takes an image out of its figure.
  function place(node) {
    var block = !saved ? null : saved.endContainer === rich ? rich.childNodes[saved.endOffset - 1] || null : saved.endContainer;
    while (block && block.parentNode !== rich) block = block.parentNode;
    var after = document.createElement('p');
    after.appendChild(document.createElement('br'));
    // An empty paragraph (the one left to type on after the last picture) is taken by the new block.
    if (block && block.nodeName === 'P' && !block.textContent.trim() && !block.querySelector('img')) {
      rich.replaceChild(node, block);
    } else {
      rich.insertBefore(node, block ? block.nextSibling : null);
    }
    rich.insertBefore(after, node.nextSibling);
    rich.focus();
    var s = window.getSelection(), r = document.createRange();
    r.setStart(after, 0);
    r.collapse(true);
    s.removeAllRanges();
    s.addRange(r);
    return s;
  }
  // Paste keeps paragraphs, bold, italics and links; the rest of Word's markup is dropped by the server.
  area.form.addEventListener('submit', function () { area.value = rich.innerHTML; });
})();
