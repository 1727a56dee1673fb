-- Static pages (من نحن، اتصل بنا، سياسة الخصوصية…) at /page/{slug}, one level of nesting, with revisions; and the
-- header and footer menus (issue 12).
CREATE TABLE page (
    id         INTEGER PRIMARY KEY,
    parent_id  INTEGER REFERENCES page (id),
    slug       TEXT    NOT NULL,
    title      TEXT    NOT NULL,
    body       TEXT    NOT NULL,
    status     TEXT    NOT NULL,
    version    INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX page_slug ON page (COALESCE(parent_id, 0), slug);

CREATE TABLE page_revision (
    id         INTEGER PRIMARY KEY,
    page_id    INTEGER NOT NULL REFERENCES page (id) ON DELETE CASCADE,
    version    INTEGER NOT NULL,
    title      TEXT    NOT NULL,
    body       TEXT    NOT NULL,
    account_id INTEGER REFERENCES account (id) ON DELETE SET NULL,
    saved_at   INTEGER NOT NULL,
    UNIQUE (page_id, version)
);

-- menu is 'header' or 'footer'; an item under another is one level down.
CREATE TABLE menu_item (
    id        INTEGER PRIMARY KEY,
    menu      TEXT    NOT NULL,
    parent_id INTEGER REFERENCES menu_item (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    label     TEXT    NOT NULL,
    href      TEXT    NOT NULL
);
CREATE INDEX menu_item_menu ON menu_item (menu, position);

-- Addresses a page had on the old site (WordPress), answered with a 301 to the page.
CREATE TABLE page_legacy_path (
    path    TEXT    PRIMARY KEY,
    page_id INTEGER NOT NULL REFERENCES page (id) ON DELETE CASCADE
);
