-- Migration 0001_initial: the tables of the hadath store.
--
-- Offsets ("start", "end", *_start, *_end) are character offsets into documents.text.
-- Actor ids in mentions, event_actors and quotes carry no foreign key: an event may name an
-- actor id that the lexicon did not describe, and such rows must still be stored; views use
-- LEFT JOIN and fall back to the id.
-- JSON columns hold arrays (or objects) written with readable, unescaped Arabic.

CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    command TEXT NOT NULL,
    documents INTEGER,
    events INTEGER,
    failures INTEGER,
    skipped INTEGER
);

CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    title TEXT,
    url TEXT,
    outlet TEXT,
    published TEXT,
    published_precision TEXT CHECK (published_precision IN ('day', 'month', 'year')),
    published_source TEXT,
    language TEXT,
    source TEXT,
    text TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    images TEXT NOT NULL DEFAULT '[]',
    ingested_at TEXT NOT NULL,
    run_id INTEGER REFERENCES runs (id) ON DELETE SET NULL
);

-- body: the clitic-free stems of the document's words, space separated, so that searching a
-- stem finds every inflected surface form. word_spans: [start, end] of each of those words in
-- documents.text, in the same order, to show search snippets in the original wording.
CREATE VIRTUAL TABLE documents_fts USING fts5 (
    document_id UNINDEXED,
    title,
    body,
    word_spans UNINDEXED
);

CREATE TABLE actors (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('person', 'organisation', 'state', 'place', 'group')),
    country TEXT,
    aliases TEXT NOT NULL DEFAULT '[]',
    wikidata TEXT,
    arabic TEXT NOT NULL DEFAULT '[]',
    roles TEXT NOT NULL DEFAULT '[]'
);

CREATE TABLE mentions (
    id INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    kind TEXT NOT NULL,
    actor_id TEXT,
    score REAL NOT NULL,
    rule TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL
);

CREATE TABLE events (
    id TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    type TEXT NOT NULL COLLATE NOCASE,
    mode TEXT,
    context TEXT NOT NULL DEFAULT '[]',
    date TEXT,
    date_precision TEXT CHECK (date_precision IN ('day', 'month', 'year')),
    date_source TEXT,
    historical INTEGER NOT NULL CHECK (historical IN (0, 1)),
    negated INTEGER NOT NULL CHECK (negated IN (0, 1)),
    place TEXT,
    dead INTEGER,
    injured INTEGER,
    evidence_start INTEGER NOT NULL,
    evidence_end INTEGER NOT NULL,
    evidence_text TEXT NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end INTEGER NOT NULL,
    trigger_text TEXT NOT NULL,
    rule TEXT NOT NULL,
    confidence REAL NOT NULL
);

CREATE TABLE event_actors (
    event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    actor_id TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('actor', 'recipient')),
    position INTEGER NOT NULL,
    PRIMARY KEY (event_id, role, position)
);

CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    speaker_actor_id TEXT,
    cue_start INTEGER,
    cue_end INTEGER,
    text TEXT NOT NULL
);

CREATE TABLE failures (
    id INTEGER PRIMARY KEY,
    run_id INTEGER REFERENCES runs (id) ON DELETE SET NULL,
    source TEXT NOT NULL,
    reason TEXT NOT NULL,
    error TEXT NOT NULL,
    document_id TEXT,
    at TEXT NOT NULL
);
