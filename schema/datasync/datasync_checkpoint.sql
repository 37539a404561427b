-- Where an interrupted sync or sync all stands, on the destination: per command (run_key, a hash of its source, entity
-- types and options) and step of its plan, the last source id whose record and every one before it are committed, or
-- the step done. Written in the same transaction as the batch it describes; deleted when the command completes.
CREATE TABLE IF NOT EXISTS `datasync_checkpoint` (
  `run_key` char(64) NOT NULL,
  `step` smallint(5) unsigned NOT NULL,
  `entity_type` varchar(50) NOT NULL,
  `reading_pass` smallint(5) unsigned NOT NULL DEFAULT 0,
  `last_source_id` bigint(20) DEFAULT NULL,
  `done` tinyint(1) NOT NULL DEFAULT 0,
  `command` varchar(255) NOT NULL,
  `updated_at` datetime NOT NULL,
  PRIMARY KEY (`run_key`, `step`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb3 COMMENT='DataSync: where an interrupted full sync resumes';
