-- The destination's run history: every sync, sync all, incremental and scheduled run that wrote to it, with what
-- happened per entity type. Runs older than datasync.history.keep-days are pruned when a run starts.
CREATE TABLE IF NOT EXISTS `datasync_run` (
  `run_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `command` varchar(255) NOT NULL,
  `cause` varchar(20) NOT NULL COMMENT 'command, schedule, console, webhook',
  `source_system` varchar(50) DEFAULT NULL,
  `started_at` datetime NOT NULL,
  `finished_at` datetime DEFAULT NULL,
  `seconds` decimal(10,1) DEFAULT NULL,
  `outcome` varchar(20) NOT NULL COMMENT 'running, completed, invalid, failed, interrupted',
  `message` text DEFAULT NULL,
  `host` varchar(255) DEFAULT NULL,
  PRIMARY KEY (`run_id`),
  KEY `IDX_DATASYNC_RUN_STARTED_AT` (`started_at`),
  KEY `IDX_DATASYNC_RUN_OUTCOME` (`outcome`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb3 COMMENT='DataSync: the runs that wrote to this shop';

CREATE TABLE IF NOT EXISTS `datasync_run_entity` (
  `run_id` int(10) unsigned NOT NULL,
  `step` smallint(5) unsigned NOT NULL,
  `entity_type` varchar(50) NOT NULL,
  `records_read` int(10) unsigned NOT NULL DEFAULT 0,
  `created` int(10) unsigned NOT NULL DEFAULT 0,
  `updated` int(10) unsigned NOT NULL DEFAULT 0,
  `unchanged` int(10) unsigned NOT NULL DEFAULT 0,
  `skipped` int(10) unsigned NOT NULL DEFAULT 0,
  `invalid` int(10) unsigned NOT NULL DEFAULT 0,
  `deleted` int(10) unsigned NOT NULL DEFAULT 0,
  `seconds` decimal(10,1) NOT NULL DEFAULT 0,
  `records_per_second` decimal(12,1) NOT NULL DEFAULT 0,
  `failed` tinyint(1) NOT NULL DEFAULT 0,
  PRIMARY KEY (`run_id`, `step`),
  CONSTRAINT `FK_DATASYNC_RUN_ENTITY_RUN` FOREIGN KEY (`run_id`) REFERENCES `datasync_run` (`run_id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb3 COMMENT='DataSync: a run''s counts per entity type';
