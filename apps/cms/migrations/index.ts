import * as migration_20261127_114547_initial from './20261127_114547_initial';
import * as migration_20261129_044530_publication_round_two from './20261129_044530_publication_round_two';
import * as migration_20261129_085635_section_creator from './20261129_085635_section_creator';
import * as migration_20261129_090953_claim_dismissals from './20261129_090953_claim_dismissals';
import * as migration_20261129_092847_journal_abbreviation from './20261129_092847_journal_abbreviation';
import * as migration_20261129_094017_media from './20261129_094017_media';
import * as migration_20261129_102801_media_medium_size from './20261129_102801_media_medium_size';
import * as migration_20261129_121808_section_title_review_request from './20261129_121808_section_title_review_request';
import * as migration_20261129_154126_person_photo from './20261129_154126_person_photo';
import * as migration_20261130_054114_citation_drafts from './20261130_054114_citation_drafts';
import * as migration_20261207_001935_article_text from './20261207_001935_article_text';
import * as migration_20261207_170546_published_list_indexes from './20261207_170546_published_list_indexes';

export const migrations = [
  {
    up: migration_20261127_114547_initial.up,
    down: migration_20261127_114547_initial.down,
    name: '20261127_114547_initial',
  },
  {
    up: migration_20261129_044530_publication_round_two.up,
    down: migration_20261129_044530_publication_round_two.down,
    name: '20261129_044530_publication_round_two',
  },
  {
    up: migration_20261129_085635_section_creator.up,
    down: migration_20261129_085635_section_creator.down,
    name: '20261129_085635_section_creator',
  },
  {
    up: migration_20261129_090953_claim_dismissals.up,
    down: migration_20261129_090953_claim_dismissals.down,
    name: '20261129_090953_claim_dismissals',
  },
  {
    up: migration_20261129_092847_journal_abbreviation.up,
    down: migration_20261129_092847_journal_abbreviation.down,
    name: '20261129_092847_journal_abbreviation',
  },
  {
    up: migration_20261129_094017_media.up,
    down: migration_20261129_094017_media.down,
    name: '20261129_094017_media',
  },
  {
    up: migration_20261129_102801_media_medium_size.up,
    down: migration_20261129_102801_media_medium_size.down,
    name: '20261129_102801_media_medium_size',
  },
  {
    up: migration_20261129_121808_section_title_review_request.up,
    down: migration_20261129_121808_section_title_review_request.down,
    name: '20261129_121808_section_title_review_request',
  },
  {
    up: migration_20261129_154126_person_photo.up,
    down: migration_20261129_154126_person_photo.down,
    name: '20261129_154126_person_photo',
  },
  {
    up: migration_20261130_054114_citation_drafts.up,
    down: migration_20261130_054114_citation_drafts.down,
    name: '20261130_054114_citation_drafts',
  },
  {
    up: migration_20261207_001935_article_text.up,
    down: migration_20261207_001935_article_text.down,
    name: '20261207_001935_article_text',
  },
  {
    up: migration_20261207_170546_published_list_indexes.up,
    down: migration_20261207_170546_published_list_indexes.down,
    name: '20261207_170546_published_list_indexes'
  },
];
