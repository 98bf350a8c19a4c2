import type { Migration } from './types';

export const migration0003: Migration = {
  version: 3,
  name: 'governance documents: custom templates, documents, versions, parties, signatories',
  up(db) {
    db.exec(`
      -- Templates the partnership made (duplicated from a built-in or imported). Built-ins ship as files.
      CREATE TABLE document_templates (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        category TEXT NOT NULL,
        body TEXT NOT NULL,
        based_on TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      -- Each distinct template text a document or version was made from, stored once.
      CREATE TABLE document_template_snapshots (
        id INTEGER PRIMARY KEY,
        hash TEXT NOT NULL UNIQUE,
        body TEXT NOT NULL
      ) STRICT;

      CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL CHECK (length(trim(title)) > 0),
        template_key TEXT NOT NULL,
        template_title TEXT NOT NULL,
        -- The template as it was when the document was made, so later template edits never change it.
        template_snapshot_id INTEGER NOT NULL REFERENCES document_template_snapshots (id),
        values_json TEXT NOT NULL DEFAULT '{}',
        status TEXT NOT NULL DEFAULT 'draft'
          CHECK (status IN ('draft', 'in_review', 'agreed', 'superseded', 'withdrawn')),
        version_label TEXT NOT NULL DEFAULT '0.1',
        review_date TEXT,
        marking TEXT NOT NULL CHECK (marking IN ('OFFICIAL', 'OFFICIAL-SENSITIVE')),
        revision INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX documents_status ON documents (status, review_date);
      CREATE INDEX documents_template ON documents (template_key);

      -- Frozen when a document is agreed: the values and the resolved tree, exactly as agreed.
      CREATE TABLE document_versions (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        number INTEGER NOT NULL,
        label TEXT NOT NULL,
        agreed_by TEXT NOT NULL,
        agreed_at TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        values_json TEXT NOT NULL,
        template_snapshot_id INTEGER NOT NULL REFERENCES document_template_snapshots (id),
        tree_json TEXT NOT NULL,
        UNIQUE (document_id, number)
      ) STRICT;

      CREATE TABLE document_parties (
        document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        organisation_id INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        PRIMARY KEY (document_id, organisation_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX document_parties_organisation ON document_parties (organisation_id);

      -- A signatory is a contact (a person in a post); erasing the person removes the row.
      CREATE TABLE document_signatories (
        document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        post_id INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
        signed_on TEXT,
        PRIMARY KEY (document_id, post_id)
      ) STRICT;
      CREATE INDEX document_signatories_post ON document_signatories (post_id);
    `);
  },
};
