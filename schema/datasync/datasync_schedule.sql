-- The service's schedules as the console left them, on the destination: a cron changed or a schedule paused there
-- stays so when the service restarts. A schedule without a row runs as config/application.properties says.
CREATE TABLE IF NOT EXISTS `datasync_schedule` (
  `name` varchar(50) NOT NULL COMMENT 'incremental, full-sync',
  `cron` varchar(255) DEFAULT NULL COMMENT 'Quartz cron, seconds first; NULL: the configured one',
  `paused` tinyint(1) NOT NULL DEFAULT 0,
  `updated_at` datetime NOT NULL,
  `updated_by` varchar(255) NOT NULL,
  PRIMARY KEY (`name`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb3 COMMENT='DataSync: the service''s schedules as last changed';
