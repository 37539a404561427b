-- Source-to-destination id map, on the destination. Same columns and keys as the original PHP tool's
-- table, so an existing registry keeps working. external_ref holds the record's natural key
-- (email|website, sku, increment_id, ...), which the original meant to store but never did.
CREATE TABLE IF NOT EXISTS `datasync_entity_registry` (
  `registry_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `source_system` varchar(50) NOT NULL,
  `entity_type` varchar(50) NOT NULL,
  `source_id` int(10) unsigned NOT NULL,
  `target_id` int(10) unsigned NOT NULL,
  `external_ref` varchar(255) DEFAULT NULL,
  `synced_at` datetime NOT NULL,
  `metadata` text DEFAULT NULL,
  PRIMARY KEY (`registry_id`),
  UNIQUE KEY `UNQ_DATASYNC_REGISTRY_SYSTEM_TYPE_SOURCE` (`source_system`, `entity_type`, `source_id`),
  KEY `IDX_DATASYNC_REGISTRY_TYPE_TARGET` (`entity_type`, `target_id`),
  KEY `IDX_DATASYNC_REGISTRY_EXTERNAL_REF` (`external_ref`),
  KEY `IDX_DATASYNC_REGISTRY_SYNCED_AT` (`synced_at`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb3 COMMENT='DataSync source to destination id map';
