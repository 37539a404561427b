-- Pending changes, on the source: one row per changed entity, written by DataSync's triggers (and by the
-- original PHP tracker module's observers, whose columns and unique key these are, so both can run).
-- sync_completed: 0 pending, 1 synced, 2 parked (failed max-attempts times; last_error says why).
-- revision grows with every change of the row: a change is acknowledged only at the revision that was read, so a
-- change made while its entity is being synced stays pending.
CREATE TABLE IF NOT EXISTS `datasync_change_tracker` (
  `tracker_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `entity_type` varchar(50) NOT NULL,
  `entity_id` int(10) unsigned NOT NULL,
  `action` varchar(10) NOT NULL DEFAULT 'update',
  `created_at` datetime NOT NULL,
  `synced_at` datetime DEFAULT NULL,
  `sync_completed` smallint(5) unsigned NOT NULL DEFAULT 0,
  `source_identifier` varchar(255) DEFAULT NULL,
  `revision` int(10) unsigned NOT NULL DEFAULT 1,
  `attempts` smallint(5) unsigned NOT NULL DEFAULT 0,
  `last_error` text DEFAULT NULL,
  PRIMARY KEY (`tracker_id`),
  UNIQUE KEY `UNQ_DATASYNC_CHANGE_TRACKER_TYPE_ID_COMPLETED` (`entity_type`, `entity_id`, `sync_completed`),
  KEY `IDX_DATASYNC_CHANGE_TRACKER_COMPLETED_TYPE` (`sync_completed`, `entity_type`),
  KEY `IDX_DATASYNC_CHANGE_TRACKER_TYPE_ID` (`entity_type`, `entity_id`),
  KEY `IDX_DATASYNC_CHANGE_TRACKER_CREATED_AT` (`created_at`),
  KEY `IDX_DATASYNC_CHANGE_TRACKER_TYPE_IDENTIFIER` (`entity_type`, `source_identifier`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb3 COMMENT='DataSync pending changes';
