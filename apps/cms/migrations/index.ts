import * as migration_20261127_114547_initial from './20261127_114547_initial';
import * as migration_20261129_033912_content_revision from './20261129_033912_content_revision';

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
];
