import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  // Citations gain drafts. Every citation stored before was live, so each starts as published (the
  // generated copy read a "_status" column the old table does not have).
  await db.run(sql`CREATE TABLE \`_citations_v_version_author_list\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`family\` text,
  	\`given\` text,
  	\`suffix\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_citations_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_citations_v_version_author_list_order_idx\` ON \`_citations_v_version_author_list\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_citations_v_version_author_list_parent_id_idx\` ON \`_citations_v_version_author_list\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_citations_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_label\` text,
  	\`version_authors\` text,
  	\`version_first_author\` text,
  	\`version_year\` numeric,
  	\`version_title\` text,
  	\`version_journal\` text,
  	\`version_journal_abbreviation\` text,
  	\`version_volume\` text,
  	\`version_issue\` text,
  	\`version_pages\` text,
  	\`version_publication_type\` text DEFAULT 'article-journal',
  	\`version_study_type\` text,
  	\`version_doi\` text,
  	\`version_pmid\` text,
  	\`version_url\` text,
  	\`version_source_status\` text,
  	\`version_key\` text,
  	\`version_is_public\` integer DEFAULT false,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`citations\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_citations_v_parent_idx\` ON \`_citations_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_citations_v_version_version_doi_idx\` ON \`_citations_v\` (\`version_doi\`);`)
  await db.run(sql`CREATE INDEX \`_citations_v_version_version_pmid_idx\` ON \`_citations_v\` (\`version_pmid\`);`)
  await db.run(sql`CREATE INDEX \`_citations_v_version_version_key_idx\` ON \`_citations_v\` (\`version_key\`);`)
  await db.run(sql`CREATE INDEX \`_citations_v_version_version_is_public_idx\` ON \`_citations_v\` (\`version_is_public\`);`)
  await db.run(sql`CREATE INDEX \`_citations_v_version_version_updated_at_idx\` ON \`_citations_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_citations_v_version_version_created_at_idx\` ON \`_citations_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_citations_v_version_version__status_idx\` ON \`_citations_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_citations_v_created_at_idx\` ON \`_citations_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_citations_v_updated_at_idx\` ON \`_citations_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_citations_v_latest_idx\` ON \`_citations_v\` (\`latest\`);`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_citations_author_list\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`family\` text,
  	\`given\` text,
  	\`suffix\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`citations\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_citations_author_list\`("_order", "_parent_id", "id", "family", "given", "suffix") SELECT "_order", "_parent_id", "id", "family", "given", "suffix" FROM \`citations_author_list\`;`)
  await db.run(sql`DROP TABLE \`citations_author_list\`;`)
  await db.run(sql`ALTER TABLE \`__new_citations_author_list\` RENAME TO \`citations_author_list\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`citations_author_list_order_idx\` ON \`citations_author_list\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`citations_author_list_parent_id_idx\` ON \`citations_author_list\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`__new_citations\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`label\` text,
  	\`authors\` text,
  	\`first_author\` text,
  	\`year\` numeric,
  	\`title\` text,
  	\`journal\` text,
  	\`journal_abbreviation\` text,
  	\`volume\` text,
  	\`issue\` text,
  	\`pages\` text,
  	\`publication_type\` text DEFAULT 'article-journal',
  	\`study_type\` text,
  	\`doi\` text,
  	\`pmid\` text,
  	\`url\` text,
  	\`source_status\` text,
  	\`key\` text,
  	\`is_public\` integer DEFAULT false,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft'
  );
  `)
  await db.run(sql`INSERT INTO \`__new_citations\`("id", "label", "authors", "first_author", "year", "title", "journal", "journal_abbreviation", "volume", "issue", "pages", "publication_type", "study_type", "doi", "pmid", "url", "source_status", "key", "is_public", "updated_at", "created_at", "_status") SELECT "id", "label", "authors", "first_author", "year", "title", "journal", "journal_abbreviation", "volume", "issue", "pages", "publication_type", "study_type", "doi", "pmid", "url", "source_status", "key", "is_public", "updated_at", "created_at", 'published' FROM \`citations\`;`)
  await db.run(sql`DROP TABLE \`citations\`;`)
  await db.run(sql`ALTER TABLE \`__new_citations\` RENAME TO \`citations\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`citations_doi_idx\` ON \`citations\` (\`doi\`);`)
  await db.run(sql`CREATE INDEX \`citations_pmid_idx\` ON \`citations\` (\`pmid\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`citations_key_idx\` ON \`citations\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`citations_is_public_idx\` ON \`citations\` (\`is_public\`);`)
  await db.run(sql`CREATE INDEX \`citations_updated_at_idx\` ON \`citations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`citations_created_at_idx\` ON \`citations\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`citations__status_idx\` ON \`citations\` (\`_status\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`_citations_v_version_author_list\`;`)
  await db.run(sql`DROP TABLE \`_citations_v\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_citations\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`label\` text NOT NULL,
  	\`authors\` text,
  	\`first_author\` text NOT NULL,
  	\`year\` numeric NOT NULL,
  	\`title\` text,
  	\`journal\` text,
  	\`journal_abbreviation\` text,
  	\`volume\` text,
  	\`issue\` text,
  	\`pages\` text,
  	\`publication_type\` text DEFAULT 'article-journal',
  	\`study_type\` text,
  	\`doi\` text,
  	\`pmid\` text,
  	\`url\` text,
  	\`source_status\` text,
  	\`key\` text,
  	\`is_public\` integer DEFAULT false,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`INSERT INTO \`__new_citations\`("id", "label", "authors", "first_author", "year", "title", "journal", "journal_abbreviation", "volume", "issue", "pages", "publication_type", "study_type", "doi", "pmid", "url", "source_status", "key", "is_public", "updated_at", "created_at") SELECT "id", "label", "authors", "first_author", "year", "title", "journal", "journal_abbreviation", "volume", "issue", "pages", "publication_type", "study_type", "doi", "pmid", "url", "source_status", "key", "is_public", "updated_at", "created_at" FROM \`citations\`;`)
  await db.run(sql`DROP TABLE \`citations\`;`)
  await db.run(sql`ALTER TABLE \`__new_citations\` RENAME TO \`citations\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE UNIQUE INDEX \`citations_doi_idx\` ON \`citations\` (\`doi\`);`)
  await db.run(sql`CREATE INDEX \`citations_pmid_idx\` ON \`citations\` (\`pmid\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`citations_key_idx\` ON \`citations\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`citations_is_public_idx\` ON \`citations\` (\`is_public\`);`)
  await db.run(sql`CREATE INDEX \`citations_updated_at_idx\` ON \`citations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`citations_created_at_idx\` ON \`citations\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_citations_author_list\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`family\` text NOT NULL,
  	\`given\` text,
  	\`suffix\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`citations\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_citations_author_list\`("_order", "_parent_id", "id", "family", "given", "suffix") SELECT "_order", "_parent_id", "id", "family", "given", "suffix" FROM \`citations_author_list\`;`)
  await db.run(sql`DROP TABLE \`citations_author_list\`;`)
  await db.run(sql`ALTER TABLE \`__new_citations_author_list\` RENAME TO \`citations_author_list\`;`)
  await db.run(sql`CREATE INDEX \`citations_author_list_order_idx\` ON \`citations_author_list\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`citations_author_list_parent_id_idx\` ON \`citations_author_list\` (\`_parent_id\`);`)
}
