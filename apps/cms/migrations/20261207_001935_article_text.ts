import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`articles_text\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`section\` text,
  	\`based_on\` text,
  	\`heading\` text,
  	\`body\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`articles_text_order_idx\` ON \`articles_text\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`articles_text_parent_id_idx\` ON \`articles_text\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_articles_v_version_text\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`section\` text,
  	\`based_on\` text,
  	\`heading\` text,
  	\`body\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_articles_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_articles_v_version_text_order_idx\` ON \`_articles_v_version_text\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_text_parent_id_idx\` ON \`_articles_v_version_text\` (\`_parent_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`articles_text\`;`)
  await db.run(sql`DROP TABLE \`_articles_v_version_text\`;`)
}
