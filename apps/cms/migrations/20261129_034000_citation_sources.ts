import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`citations_author_list\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`family\` text NOT NULL,
  	\`given\` text,
  	\`suffix\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`citations\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`citations_author_list_order_idx\` ON \`citations_author_list\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`citations_author_list_parent_id_idx\` ON \`citations_author_list\` (\`_parent_id\`);`)
  await db.run(sql`ALTER TABLE \`citations\` ADD \`volume\` text;`)
  await db.run(sql`ALTER TABLE \`citations\` ADD \`issue\` text;`)
  await db.run(sql`ALTER TABLE \`citations\` ADD \`pages\` text;`)
  await db.run(sql`ALTER TABLE \`citations\` ADD \`publication_type\` text DEFAULT 'article-journal';`)
  await db.run(sql`CREATE UNIQUE INDEX \`citations_doi_idx\` ON \`citations\` (\`doi\`);`)
  await db.run(sql`CREATE INDEX \`citations_pmid_idx\` ON \`citations\` (\`pmid\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`citations_author_list\`;`)
  await db.run(sql`DROP INDEX \`citations_doi_idx\`;`)
  await db.run(sql`DROP INDEX \`citations_pmid_idx\`;`)
  await db.run(sql`ALTER TABLE \`citations\` DROP COLUMN \`volume\`;`)
  await db.run(sql`ALTER TABLE \`citations\` DROP COLUMN \`issue\`;`)
  await db.run(sql`ALTER TABLE \`citations\` DROP COLUMN \`pages\`;`)
  await db.run(sql`ALTER TABLE \`citations\` DROP COLUMN \`publication_type\`;`)
}
