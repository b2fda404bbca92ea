import * as migration_20261127_114547_initial from './20261127_114547_initial';
import * as migration_20261129_032317_people_topics from './20261129_032317_people_topics';

export const migrations = [
  {
    up: migration_20261127_114547_initial.up,
    down: migration_20261127_114547_initial.down,
    name: '20261127_114547_initial',
  },
  {
    up: migration_20261129_032317_people_topics.up,
    down: migration_20261129_032317_people_topics.down,
    name: '20261129_032317_people_topics'
  },
];
