// The article and page editor, built on ProseMirror (served from the jar; see EditorModules). Without JavaScript,
// or where modules are not supported, the body's textarea itself is the editor (HTML). With it, the textarea is
// hidden and kept up to date, so the form posts the same field either way; the server sanitizes whatever arrives.
//
// The schema holds only what an article body may hold on the public page (BodyHtml on the server): paragraphs,
// subheadings, lists, quotes and pull quotes, tables, pictures with caption and credit, galleries, the site's own
// videos and embeds (a link to a post, shown to readers as a placeholder). Anything else that is pasted, from Word or
// from a web page, is dropped by the parser, because nothing in the schema matches it.
import {Schema, DOMParser, DOMSerializer} from 'prosemirror-model';
import {EditorState, TextSelection, NodeSelection} from 'prosemirror-state';
import {EditorView} from 'prosemirror-view';
import {keymap} from 'prosemirror-keymap';
import {history, undo, redo} from 'prosemirror-history';
import {baseKeymap, toggleMark, setBlockType, wrapIn, lift, chainCommands, exitCode} from 'prosemirror-commands';
import {wrapInList, splitListItem, liftListItem, sinkListItem} from 'prosemirror-schema-list';
import {tableNodes, tableEditing, goToNextCell, addRowAfter, addColumnAfter, deleteRow, deleteColumn, deleteTable, isInTable} from 'prosemirror-tables';
import {dropCursor} from 'prosemirror-dropcursor';
import {gapCursor} from 'prosemirror-gapcursor';

// A block's own direction (a paragraph in English inside an Arabic story) survives editing.
const dir = {dir: {default: null}};
const dirOf = (dom) => ({dir: ['rtl', 'ltr', 'auto'].includes(dom.getAttribute('dir')) ? dom.getAttribute('dir') : null});
const withDir = (node) => (node.attrs.dir ? {dir: node.attrs.dir} : {});
const mediaAttrs = (img) => ({
  src: img.getAttribute('src'), alt: img.getAttribute('alt') || '',
  width: img.getAttribute('width'), height: img.getAttribute('height'),
});

export const schema = new Schema({
  nodes: {
    doc: {content: 'block+'},
    paragraph: {content: 'inline*', group: 'block', attrs: dir, parseDOM: [{tag: 'p', getAttrs: dirOf}],
      toDOM: (node) => ['p', withDir(node), 0]},
    heading: {content: 'inline*', group: 'block', defining: true, attrs: {level: {default: 2}, ...dir},
      parseDOM: [{tag: 'h1', attrs: {level: 2}}, {tag: 'h2', getAttrs: (d) => ({level: 2, ...dirOf(d)})},
        {tag: 'h3', getAttrs: (d) => ({level: 3, ...dirOf(d)})}, {tag: 'h4', getAttrs: (d) => ({level: 3, ...dirOf(d)})}],
      toDOM: (node) => ['h' + node.attrs.level, withDir(node), 0]},
    blockquote: {content: 'block+', group: 'block', defining: true, parseDOM: [{tag: 'blockquote'}], toDOM: () => ['blockquote', 0]},
    // A sentence lifted out of the story and set large; a reader's eye catches it while scrolling.
    pull_quote: {content: 'paragraph+', group: 'block', defining: true, parseDOM: [{tag: 'blockquote.pull-quote', priority: 60}],
      toDOM: () => ['blockquote', {class: 'pull-quote'}, 0]},
    horizontal_rule: {group: 'block', parseDOM: [{tag: 'hr'}], toDOM: () => ['hr']},
    bullet_list: {content: 'list_item+', group: 'block', parseDOM: [{tag: 'ul'}], toDOM: () => ['ul', 0]},
    ordered_list: {content: 'list_item+', group: 'block', parseDOM: [{tag: 'ol'}], toDOM: () => ['ol', 0]},
    list_item: {content: 'paragraph block*', defining: true, parseDOM: [{tag: 'li'}], toDOM: () => ['li', 0]},
    // A picture with its caption, typed in place; the credit is the caption's <cite>.
    figure: {content: 'inline*', group: 'block', draggable: true, isolating: true,
      attrs: {src: {default: ''}, alt: {default: ''}, width: {default: null}, height: {default: null}},
      parseDOM: [{tag: 'figure', getAttrs: (d) => {
        if (d.classList.contains('embed') || d.classList.contains('gallery')) return false;
        const img = d.querySelector('img[src]');
        return img ? mediaAttrs(img) : false;
      }, contentElement: (d) => d.querySelector('figcaption') || d.ownerDocument.createElement('figcaption')}],
      toDOM: (node) => ['figure', ['img', {src: node.attrs.src, alt: node.attrs.alt, width: node.attrs.width, height: node.attrs.height}], ['figcaption', 0]]},
    // Several pictures that readers swipe through (or step through with the arrow keys) on the public page.
    gallery: {content: 'figure+', group: 'block', isolating: true, parseDOM: [{tag: 'figure.gallery', priority: 60}],
      toDOM: () => ['figure', {class: 'gallery'}, 0]},
    // A post on another service: readers see a placeholder until they ask for the player.
    embed: {group: 'block', atom: true, draggable: true,
      attrs: {provider: {}, frame: {}, url: {}, label: {default: ''}, title: {default: null}},
      parseDOM: [{tag: 'figure.embed', priority: 60, getAttrs: (d) => {
        const a = d.querySelector('a[href]');
        if (!a) return false;
        const caption = d.querySelector('figcaption');
        return {provider: d.getAttribute('data-embed'), frame: d.getAttribute('data-frame'), url: a.getAttribute('href'),
          label: caption ? caption.textContent : '', title: d.getAttribute('data-title')};
      }}],
      toDOM: (node) => ['figure', {class: 'embed', 'data-embed': node.attrs.provider, 'data-frame': node.attrs.frame, 'data-title': node.attrs.title},
        ['figcaption', node.attrs.label], ['a', {href: node.attrs.url}, node.attrs.url]]},
    video: {group: 'block', atom: true, draggable: true, attrs: {src: {}, poster: {default: null}},
      parseDOM: [{tag: 'video[src]', getAttrs: (d) => ({src: d.getAttribute('src'), poster: d.getAttribute('poster')})}],
      toDOM: (node) => ['video', {src: node.attrs.src, poster: node.attrs.poster, controls: '', preload: 'none'}]},
    ...tableNodes({tableGroup: 'block', cellContent: 'block+', cellAttributes: {}}),
    text: {group: 'inline'},
    image: {inline: true, group: 'inline', draggable: true,
      attrs: {src: {}, alt: {default: ''}, width: {default: null}, height: {default: null}},
      parseDOM: [{tag: 'img[src]', getAttrs: mediaAttrs}],
      toDOM: (node) => ['img', {src: node.attrs.src, alt: node.attrs.alt, width: node.attrs.width, height: node.attrs.height}]},
    hard_break: {inline: true, group: 'inline', selectable: false, parseDOM: [{tag: 'br'}], toDOM: () => ['br']},
  },
  marks: {
    link: {attrs: {href: {}}, inclusive: false,
      parseDOM: [{tag: 'a[href]', getAttrs: (d) => ({href: d.getAttribute('href')})}],
      toDOM: (m) => ['a', {href: m.attrs.href}, 0]},
    strong: {parseDOM: [{tag: 'strong'}, {tag: 'b', getAttrs: (d) => d.style.fontWeight !== 'normal' && null}], toDOM: () => ['strong', 0]},
    em: {parseDOM: [{tag: 'em'}, {tag: 'i'}], toDOM: () => ['em', 0]},
    underline: {parseDOM: [{tag: 'u'}], toDOM: () => ['u', 0]},
    strike: {parseDOM: [{tag: 's'}, {tag: 'del'}], toDOM: () => ['s', 0]},
    sub: {excludes: 'sup', parseDOM: [{tag: 'sub'}], toDOM: () => ['sub', 0]},
    sup: {excludes: 'sub', parseDOM: [{tag: 'sup'}], toDOM: () => ['sup', 0]},
    quote: {parseDOM: [{tag: 'q'}], toDOM: () => ['q', 0]},
    cite: {parseDOM: [{tag: 'cite'}], toDOM: () => ['cite', 0]},
  },
});

const n = schema.nodes, m = schema.marks;

/** The top-level block (depth 1) the selection starts in, with its position; null on a gap between blocks. */
function topBlock(state) {
  const $from = state.selection.$from;
  if ($from.depth === 0) {
    const node = state.selection instanceof NodeSelection ? state.selection.node : null;
    return node ? {node, pos: state.selection.from} : null;
  }
  return {node: $from.node(1), pos: $from.before(1)};
}

/** The figure the selection is in or on, with its position, or null. */
function currentFigure(state) {
  const sel = state.selection;
  if (sel instanceof NodeSelection && sel.node.type === n.figure) return {node: sel.node, pos: sel.from};
  const $from = sel.$from;
  for (let d = $from.depth; d > 0; d--) if ($from.node(d).type === n.figure) return {node: $from.node(d), pos: $from.before(d)};
  return null;
}

/**
 * Puts a block where the editor is: after the picture being captioned (inside its gallery, if it is in one), in
 * place of an empty paragraph, or after the block the caret is in (never splitting a paragraph). The caret goes to
 * the end of a new picture's caption (ready to edit it, or to place the next picture beside it), into the first
 * place to type inside other blocks, or after them; a paragraph follows every block but a picture, to write on.
 */
function insertBlock(view, node, caret) {
  const state = view.state;
  let pos, replace = 0;
  const fig = currentFigure(state);
  const top = topBlock(state);
  if (fig && node.type === n.figure) pos = fig.pos + fig.node.nodeSize;
  else if (!top) pos = state.selection.from;
  else if (top.node.type === n.paragraph && top.node.content.size === 0) { pos = top.pos; replace = top.node.nodeSize; }
  else pos = top.pos + top.node.nodeSize;
  let tr = state.tr.replaceWith(pos, pos + replace, node);
  const end = pos + node.nodeSize;
  if (node.type !== n.figure && tr.doc.resolve(end).nodeAfter?.type !== n.paragraph) tr = tr.insert(end, n.paragraph.create());
  const target = caret === 'caption' ? TextSelection.create(tr.doc, end - 1)
    : caret === 'inside' ? TextSelection.near(tr.doc.resolve(pos + 1)) : TextSelection.near(tr.doc.resolve(end + 1));
  view.dispatch(tr.setSelection(target).scrollIntoView());
  view.focus();
}

/** A figure node from a library picture's (or a fresh upload's) address, size, caption and credit. */
function figureOf(p) {
  const content = [];
  if (p.caption) content.push(schema.text(p.caption));
  if (p.credit) {
    if (content.length) content.push(schema.text(' '));
    content.push(schema.text(p.credit, [m.cite.create()]));
  }
  return n.figure.create({src: p.src, alt: p.alt || '', width: String(p.width), height: String(p.height)}, content);
}

/**
 * Makes a gallery of the run of pictures around the caret (two or more in a row), or, inside a gallery, turns it
 * back into separate pictures.
 */
function toggleGallery(state, dispatch) {
  const $from = state.selection.$from;
  for (let d = $from.depth; d > 0; d--) {
    if ($from.node(d).type === n.gallery) {
      if (dispatch) dispatch(state.tr.replaceWith($from.before(d), $from.after(d), $from.node(d).content).scrollIntoView());
      return true;
    }
  }
  const top = topBlock(state);
  if (!top || top.node.type !== n.figure) return false;
  const doc = state.doc;
  let index = doc.resolve(top.pos).index(0), first = index, last = index;
  while (first > 0 && doc.child(first - 1).type === n.figure) first--;
  while (last < doc.childCount - 1 && doc.child(last + 1).type === n.figure) last++;
  if (first === last) return false;
  if (dispatch) {
    let from = 0;
    for (let i = 0; i < first; i++) from += doc.child(i).nodeSize;
    const figures = [];
    let to = from;
    for (let i = first; i <= last; i++) { figures.push(doc.child(i)); to += doc.child(i).nodeSize; }
    const tr = state.tr.replaceWith(from, to, n.gallery.create(null, figures));
    dispatch(tr.setSelection(TextSelection.near(tr.doc.resolve(Math.min(state.selection.from + 1, tr.doc.content.size)))).scrollIntoView());
  }
  return true;
}

/** A table of three columns and three rows, the first a header row, with the caret in its first cell. */
function insertTable(view) {
  const row = (cell) => n.table_row.create(null, [0, 1, 2].map(() => cell.create(null, n.paragraph.create())));
  insertBlock(view, n.table.create(null, [row(n.table_header), row(n.table_cell), row(n.table_cell)]), 'inside');
}

function isBlockActive(state, type, attrs) {
  const {$from, to} = state.selection;
  return to <= $from.end() && $from.parent.hasMarkup(type, attrs);
}

function isMarkActive(state, type) {
  const {from, $from, to, empty} = state.selection;
  return empty ? !!type.isInSet(state.storedMarks || $from.marks()) : state.doc.rangeHasMark(from, to, type);
}

function isWrapped(state, type) {
  const $from = state.selection.$from;
  for (let d = $from.depth; d > 0; d--) if ($from.node(d).type === type) return true;
  return false;
}

/** Wraps in the block (quote, pull quote, list) or, when already inside one, takes the text out of it. */
function toggleWrap(type, wrapper) {
  return (state, dispatch) => (isWrapped(state, type) ? (type.spec.content === 'list_item+' ? liftListItem(n.list_item) : lift)(state, dispatch)
    : wrapper(state, dispatch));
}

function toggleHeading(level) {
  return (state, dispatch) => (isBlockActive(state, n.heading, {level}) ? setBlockType(n.paragraph)(state, dispatch)
    : setBlockType(n.heading, {level})(state, dispatch));
}

/** Asks for an address and links the selected words to it; on a link, an empty answer removes it. */
function editLink(view, button) {
  const state = view.state;
  const {from, to, empty} = state.selection;
  const active = isMarkActive(state, m.link);
  if (empty && !active) return;
  let current = 'https://';
  if (active) state.doc.nodesBetween(from, Math.max(to, from + 1), (node) => {
    const link = m.link.isInSet(node.marks);
    if (link) current = link.attrs.href;
  });
  const href = window.prompt(button.getAttribute('data-prompt'), current);
  if (href === null) { view.focus(); return; }
  let tr = state.tr;
  let a = from, b = to;
  if (empty) {
    // The caret is in a link: the whole link is the range.
    const $pos = state.doc.resolve(from);
    const start = $pos.parent.childAfter($pos.parentOffset);
    if (start.node) { a = $pos.start() + start.offset; b = a + start.node.nodeSize; }
  }
  tr = tr.removeMark(a, b, m.link);
  if (href.trim()) tr = tr.addMark(a, b, m.link.create({href: href.trim()}));
  view.dispatch(tr);
  view.focus();
}

// Enter in a caption leaves the picture for a new paragraph after it (or after its gallery).
function leaveCaption(state, dispatch) {
  const fig = currentFigure(state);
  if (!fig || state.selection instanceof NodeSelection) return false;
  const $pos = state.doc.resolve(fig.pos);
  const inGallery = $pos.parent.type === n.gallery;
  const after = inGallery ? $pos.after($pos.depth) : fig.pos + fig.node.nodeSize;
  if (dispatch) {
    const tr = state.tr.insert(after, n.paragraph.create());
    dispatch(tr.setSelection(TextSelection.create(tr.doc, after + 1)).scrollIntoView());
  }
  return true;
}

const commands = {
  bold: toggleMark(m.strong),
  italic: toggleMark(m.em),
  h2: toggleHeading(2),
  h3: toggleHeading(3),
  bullet: toggleWrap(n.bullet_list, wrapInList(n.bullet_list)),
  ordered: toggleWrap(n.ordered_list, wrapInList(n.ordered_list)),
  quote: toggleWrap(n.blockquote, wrapIn(n.blockquote)),
  'pull-quote': toggleWrap(n.pull_quote, wrapIn(n.pull_quote)),
  row: addRowAfter,
  column: addColumnAfter,
  'delete-row': deleteRow,
  'delete-column': deleteColumn,
  'delete-table': deleteTable,
  gallery: toggleGallery,
  undo,
  redo,
};

function start(area, bar) {
  const host = document.createElement('div');
  host.className = 'rich-host';
  area.parentNode.insertBefore(host, area);
  const source = document.createElement('div');
  source.innerHTML = area.value;
  const view = new EditorView(host, {
    state: EditorState.create({
      doc: DOMParser.fromSchema(schema).parse(source),
      plugins: [
        history(),
        keymap({
          'Mod-z': undo, 'Shift-Mod-z': redo, 'Mod-y': redo,
          'Mod-b': toggleMark(m.strong), 'Mod-i': toggleMark(m.em),
          'Mod-k': () => { editLink(view, bar.querySelector('[data-cmd="link"]')); return true; },
          // The usual way from a text to its toolbar; Escape comes back.
          'Alt-F10': () => { bar.querySelector('button:not([hidden])').focus(); return true; },
          'Enter': chainCommands(leaveCaption, splitListItem(n.list_item)),
          'Shift-Enter': chainCommands(exitCode, (state, dispatch) => {
            if (dispatch) dispatch(state.tr.replaceSelectionWith(n.hard_break.create()).scrollIntoView());
            return true;
          }),
          // Tab moves between a table's cells and indents list items; elsewhere it leaves the editor, as it should.
          'Tab': chainCommands(goToNextCell(1), sinkListItem(n.list_item)),
          'Shift-Tab': chainCommands(goToNextCell(-1), liftListItem(n.list_item)),
        }),
        keymap(baseKeymap),
        dropCursor(),
        gapCursor(),
        tableEditing(),
      ],
    }),
    // Word and web pages paste inline styles and style sheets; the schema drops them anyway, but parsing them first
    // would trip the Content-Security-Policy (style-src), so they are cut from the pasted HTML beforehand.
    transformPastedHTML: (pasted) => pasted.replace(/<style[\s\S]*?<\/style>/gi, '').replace(/\sstyle\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, ''),
    attributes: {
      dir: 'rtl', role: 'textbox', 'aria-multiline': 'true',
      'aria-labelledby': area.id + '-label', class: 'rich',
    },
    dispatchTransaction(tr) {
      view.updateState(view.state.apply(tr));
      if (tr.docChanged) area.value = html(view.state.doc);
      reflect(view.state);
    },
  });
  // A label with for="body" would point at the hidden textarea; the editor is named by the label's id instead.
  const label = document.querySelector('label[for="' + area.id + '"]');
  if (label && !label.id) label.id = area.id + '-label';
  area.hidden = true;
  bar.hidden = false;
  const hint = document.querySelector('[data-toolbar-hint]');
  if (hint) hint.hidden = false;
  area.value = html(view.state.doc);
  area.form.addEventListener('submit', () => { area.value = html(view.state.doc); });
  reflect(view.state);

  // Buttons act on mousedown's follow-up click; preventing mousedown keeps the selection in the text.
  bar.addEventListener('mousedown', (e) => { if (e.target.closest('button')) e.preventDefault(); });
  bar.addEventListener('click', (e) => {
    const b = e.target.closest('button[data-cmd]');
    if (!b) return;
    e.preventDefault();
    const name = b.getAttribute('data-cmd');
    if (name === 'link') return editLink(view, b);
    if (name === 'table') return insertTable(view);
    if (name === 'upload') return upload.open();
    const command = commands[name];
    if (command) command(view.state, view.dispatch, view);
    view.focus();
  });

  bar.addEventListener('keydown', (e) => { if (e.key === 'Escape') { e.preventDefault(); view.focus(); } });

  const picker = bar.querySelector('[data-insert-picture]');
  if (picker) picker.addEventListener('change', () => {
    const o = picker.selectedOptions[0];
    if (!o || !o.value) return;
    insertBlock(view, figureOf({src: o.getAttribute('data-src'), alt: o.getAttribute('data-alt'), width: o.getAttribute('data-width'),
      height: o.getAttribute('data-height'), caption: o.getAttribute('data-caption'), credit: o.getAttribute('data-credit')}), 'caption');
    picker.value = '';
  });

  const upload = uploader((picture) => insertBlock(view, figureOf(picture), 'caption'), () => view.focus());

  function reflect(state) {
    const pressed = {
      bold: isMarkActive(state, m.strong), italic: isMarkActive(state, m.em), link: isMarkActive(state, m.link),
      h2: isBlockActive(state, n.heading, {level: 2}), h3: isBlockActive(state, n.heading, {level: 3}),
      gallery: isWrapped(state, n.gallery),
    };
    for (const [name, on] of Object.entries(pressed)) {
      const b = bar.querySelector('[data-cmd="' + name + '"]');
      if (b) b.setAttribute('aria-pressed', on ? 'true' : 'false');
    }
    const inTable = isInTable(state);
    bar.querySelectorAll('[data-in-table]').forEach((b) => { b.hidden = !inTable; });
    const gallery = bar.querySelector('[data-cmd="gallery"]');
    if (gallery) gallery.disabled = !toggleGallery(state);
  }
}

/** The body as stored: the document serialized to HTML. */
function html(doc) {
  const box = document.createElement('div');
  box.appendChild(DOMSerializer.fromSchema(schema).serializeFragment(doc.content));
  return box.innerHTML;
}

/**
 * The upload dialog: sends the picture to the media library (same form as the library's own page, answered in JSON)
 * and hands the stored picture to {@code place}. Alternative text is required here as it is in the library.
 */
function uploader(place, done) {
  const dialog = document.querySelector('dialog[data-upload]');
  if (!dialog) return {open() {}};
  const form = dialog.querySelector('form');
  const error = dialog.querySelector('[data-upload-error]');
  const fail = (message) => { error.textContent = message || error.getAttribute('data-default'); error.hidden = false; };
  error.setAttribute('data-default', error.textContent);
  dialog.querySelector('[data-upload-cancel]').addEventListener('click', () => { dialog.close(); done(); });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    error.hidden = true;
    fetch(form.action, {method: 'POST', body: new FormData(form), headers: {Accept: 'application/json'}, credentials: 'same-origin'})
      .then((r) => r.json().then((body) => ({ok: r.ok, body})))
      .then(({ok, body}) => {
        if (!ok) return fail(body.error && body.error.message);
        form.reset();
        dialog.close();
        place(body);
      })
      .catch(() => fail());
  });
  return {open() { error.hidden = true; dialog.showModal(); }};
}

const area = document.querySelector('textarea[data-rich]');
const bar = document.querySelector('[data-toolbar]');
if (area && bar) start(area, bar);
