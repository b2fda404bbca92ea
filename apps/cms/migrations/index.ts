import * as migration_20261127_114547_initial from './20261127_114547_initial';
import * as migration_20261129_033912_content_revision from './20261129_033912_content_revision';
import * as migration_20261129_034000_citation_sources from './20261129_034000_citation_sources';

export const migrations = [
  {
    up: migration_20261127_114547_initial.up,
    down: migration_20261127_114547_initial.down,
    name: '20261127_114547_initial',
  },
  {
    up: migration_20261129_033912_content_revision.up,
    down: migration_20261129_033912_content_revision.down,
    name: '20261129_033912_content_revision'
  },
  {
    up: migration_20261129_034000_citation_sources.up,
    down: migration_20261129_034000_citation_sources.down,
    name: '20261129_034000_citation_sources'
  },
];
