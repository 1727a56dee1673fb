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
  // Paste keeps paragraphs, bold, italics and links; the rest of Word's markup is dropped by the server.
  area.form.addEventListener('submit', function () { area.value = rich.innerHTML; });
})();
