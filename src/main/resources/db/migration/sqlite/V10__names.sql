-- Spellings of one name (issue 14): search takes each as the others (ترمب = ترامب). Seeded with foreign names
-- common in the news; editors add and remove them in the back office (/admin/names).
CREATE TABLE name_entity (
    id    INTEGER PRIMARY KEY,
    latin VARCHAR(200)
);
CREATE TABLE name_spelling (
    folded    VARCHAR(100) NOT NULL PRIMARY KEY,  -- org.nashir.arabic.ArabicStemmer.fold of the spelling
    shown     VARCHAR(100) NOT NULL,
    entity_id BIGINT       NOT NULL REFERENCES name_entity (id) ON DELETE CASCADE
);
CREATE INDEX name_spelling_entity ON name_spelling (entity_id);

INSERT INTO name_entity (latin) VALUES ('Donald Trump');
INSERT INTO name_spelling (folded, shown, entity_id) VALUES
    ('ترامب', 'ترامب', (SELECT MAX(id) FROM name_entity WHERE latin = 'Donald Trump')),
    ('ترمب', 'ترمب', (SELECT MAX(id) FROM name_entity WHERE latin = 'Donald Trump'));
INSERT INTO name_entity (latin) VALUES ('Vladimir Putin');
INSERT INTO name_spelling (folded, shown, entity_id) VALUES
    ('بوتين', 'بوتين', (SELECT MAX(id) FROM name_entity WHERE latin = 'Vladimir Putin')),
    ('بوتن', 'بوتن', (SELECT MAX(id) FROM name_entity WHERE latin = 'Vladimir Putin'));
INSERT INTO name_entity (latin) VALUES ('Emmanuel Macron');
INSERT INTO name_spelling (folded, shown, entity_id) VALUES
    ('ماكرون', 'ماكرون', (SELECT MAX(id) FROM name_entity WHERE latin = 'Emmanuel Macron')),
    ('ماكرن', 'ماكرن', (SELECT MAX(id) FROM name_entity WHERE latin = 'Emmanuel Macron'));
INSERT INTO name_entity (latin) VALUES ('Benjamin Netanyahu');
INSERT INTO name_spelling (folded, shown, entity_id) VALUES
    ('نتنياهو', 'نتنياهو', (SELECT MAX(id) FROM name_entity WHERE latin = 'Benjamin Netanyahu')),
    ('نتانياهو', 'نتانياهو', (SELECT MAX(id) FROM name_entity WHERE latin = 'Benjamin Netanyahu'));
INSERT INTO name_entity (latin) VALUES ('António Guterres');
INSERT INTO name_spelling (folded, shown, entity_id) VALUES
    ('غوتيريش', 'غوتيريش', (SELECT MAX(id) FROM name_entity WHERE latin = 'António Guterres')),
    ('غوتيريس', 'غوتيريس', (SELECT MAX(id) FROM name_entity WHERE latin = 'António Guterres')),
    ('جوتيريش', 'جوتيريش', (SELECT MAX(id) FROM name_entity WHERE latin = 'António Guterres')),
    ('جوتيريس', 'جوتيريس', (SELECT MAX(id) FROM name_entity WHERE latin = 'António Guterres'));
INSERT INTO name_entity (latin) VALUES ('Recep Tayyip Erdoğan');
INSERT INTO name_spelling (folded, shown, entity_id) VALUES
    ('اردوغان', 'أردوغان', (SELECT MAX(id) FROM name_entity WHERE latin = 'Recep Tayyip Erdoğan')),
    ('اردوجان', 'أردوجان', (SELECT MAX(id) FROM name_entity WHERE latin = 'Recep Tayyip Erdoğan'));
INSERT INTO name_entity (latin) VALUES ('Volodymyr Zelensky');
INSERT INTO name_spelling (folded, shown, entity_id) VALUES
    ('زيلينسكي', 'زيلينسكي', (SELECT MAX(id) FROM name_entity WHERE latin = 'Volodymyr Zelensky')),
    ('زيلنسكي', 'زيلنسكي', (SELECT MAX(id) FROM name_entity WHERE latin = 'Volodymyr Zelensky'));
INSERT INTO name_entity (latin) VALUES ('Joe Biden');
INSERT INTO name_spelling (folded, shown, entity_id) VALUES
    ('بايدن', 'بايدن', (SELECT MAX(id) FROM name_entity WHERE latin = 'Joe Biden')),
    ('بايدين', 'بايدين', (SELECT MAX(id) FROM name_entity WHERE latin = 'Joe Biden'));
INSERT INTO name_entity (latin) VALUES ('Angela Merkel');
INSERT INTO name_spelling (folded, shown, entity_id) VALUES
    ('ميركل', 'ميركل', (SELECT MAX(id) FROM name_entity WHERE latin = 'Angela Merkel')),
    ('ميركيل', 'ميركيل', (SELECT MAX(id) FROM name_entity WHERE latin = 'Angela Merkel'));
INSERT INTO name_entity (latin) VALUES ('Olaf Scholz');
INSERT INTO name_spelling (folded, shown, entity_id) VALUES
    ('شولتس', 'شولتس', (SELECT MAX(id) FROM name_entity WHERE latin = 'Olaf Scholz')),
    ('شولتز', 'شولتز', (SELECT MAX(id) FROM name_entity WHERE latin = 'Olaf Scholz'));
INSERT INTO name_entity (latin) VALUES ('Antony Blinken');
INSERT INTO name_spelling (folded, shown, entity_id) VALUES
    ('بلينكن', 'بلينكن', (SELECT MAX(id) FROM name_entity WHERE latin = 'Antony Blinken')),
    ('بلنكن', 'بلنكن', (SELECT MAX(id) FROM name_entity WHERE latin = 'Antony Blinken'));
INSERT INTO name_entity (latin) VALUES ('Sergey Lavrov');
INSERT INTO name_spelling (folded, shown, entity_id) VALUES
    ('لافروف', 'لافروف', (SELECT MAX(id) FROM name_entity WHERE latin = 'Sergey Lavrov')),
    ('لافروڤ', 'لافروڤ', (SELECT MAX(id) FROM name_entity WHERE latin = 'Sergey Lavrov'));
INSERT INTO name_entity (latin) VALUES ('Kamala Harris');
INSERT INTO name_spelling (folded, shown, entity_id) VALUES
    ('هاريس', 'هاريس', (SELECT MAX(id) FROM name_entity WHERE latin = 'Kamala Harris')),
    ('هارس', 'هارس', (SELECT MAX(id) FROM name_entity WHERE latin = 'Kamala Harris'));
INSERT INTO name_entity (latin) VALUES ('Keir Starmer');
INSERT INTO name_spelling (folded, shown, entity_id) VALUES
    ('ستارمر', 'ستارمر', (SELECT MAX(id) FROM name_entity WHERE latin = 'Keir Starmer')),
    ('ستارمير', 'ستارمير', (SELECT MAX(id) FROM name_entity WHERE latin = 'Keir Starmer'));
INSERT INTO name_entity (latin) VALUES ('Boris Johnson');
INSERT INTO name_spelling (folded, shown, entity_id) VALUES
    ('جونسون', 'جونسون', (SELECT MAX(id) FROM name_entity WHERE latin = 'Boris Johnson')),
    ('جونسن', 'جونسن', (SELECT MAX(id) FROM name_entity WHERE latin = 'Boris Johnson'));
INSERT INTO name_entity (latin) VALUES ('Rishi Sunak');
INSERT INTO name_spelling (folded, shown, entity_id) VALUES
    ('سوناك', 'سوناك', (SELECT MAX(id) FROM name_entity WHERE latin = 'Rishi Sunak')),
    ('سونك', 'سونك', (SELECT MAX(id) FROM name_entity WHERE latin = 'Rishi Sunak'));
INSERT INTO name_entity (latin) VALUES ('Pedro Sánchez');
INSERT INTO name_spelling (folded, shown, entity_id) VALUES
    ('سانشيز', 'سانشيز', (SELECT MAX(id) FROM name_entity WHERE latin = 'Pedro Sánchez')),
    ('سانشيث', 'سانشيث', (SELECT MAX(id) FROM name_entity WHERE latin = 'Pedro Sánchez'));
INSERT INTO name_entity (latin) VALUES ('Mike Pompeo');
INSERT INTO name_spelling (folded, shown, entity_id) VALUES
    ('بومبيو', 'بومبيو', (SELECT MAX(id) FROM name_entity WHERE latin = 'Mike Pompeo')),
    ('بومبيوه', 'بومبيوه', (SELECT MAX(id) FROM name_entity WHERE latin = 'Mike Pompeo'));
INSERT INTO name_entity (latin) VALUES ('Jens Stoltenberg');
INSERT INTO name_spelling (folded, shown, entity_id) VALUES
    ('ستولتنبرغ', 'ستولتنبرغ', (SELECT MAX(id) FROM name_entity WHERE latin = 'Jens Stoltenberg')),
    ('ستولتنبرج', 'ستولتنبرج', (SELECT MAX(id) FROM name_entity WHERE latin = 'Jens Stoltenberg'));
INSERT INTO name_entity (latin) VALUES ('Ali Khamenei');
INSERT INTO name_spelling (folded, shown, entity_id) VALUES
    ('خامنءي', 'خامنئي', (SELECT MAX(id) FROM name_entity WHERE latin = 'Ali Khamenei')),
    ('خامنيي', 'خامنيي', (SELECT MAX(id) FROM name_entity WHERE latin = 'Ali Khamenei'));
INSERT INTO name_entity (latin) VALUES ('Marine Le Pen');
INSERT INTO name_spelling (folded, shown, entity_id) VALUES
    ('لوبان', 'لوبان', (SELECT MAX(id) FROM name_entity WHERE latin = 'Marine Le Pen')),
    ('لوبن', 'لوبن', (SELECT MAX(id) FROM name_entity WHERE latin = 'Marine Le Pen'));
INSERT INTO name_entity (latin) VALUES ('Viktor Orbán');
INSERT INTO name_spelling (folded, shown, entity_id) VALUES
    ('اوربان', 'أوربان', (SELECT MAX(id) FROM name_entity WHERE latin = 'Viktor Orbán')),
    ('اوربن', 'أوربن', (SELECT MAX(id) FROM name_entity WHERE latin = 'Viktor Orbán'));
INSERT INTO name_entity (latin) VALUES ('Hillary Clinton');
INSERT INTO name_spelling (folded, shown, entity_id) VALUES
    ('كلينتون', 'كلينتون', (SELECT MAX(id) FROM name_entity WHERE latin = 'Hillary Clinton')),
    ('كلنتون', 'كلنتون', (SELECT MAX(id) FROM name_entity WHERE latin = 'Hillary Clinton'));
INSERT INTO name_entity (latin) VALUES ('Nicolás Maduro');
INSERT INTO name_spelling (folded, shown, entity_id) VALUES
    ('مادورو', 'مادورو', (SELECT MAX(id) FROM name_entity WHERE latin = 'Nicolás Maduro')),
    ('مادورا', 'مادورا', (SELECT MAX(id) FROM name_entity WHERE latin = 'Nicolás Maduro'));
