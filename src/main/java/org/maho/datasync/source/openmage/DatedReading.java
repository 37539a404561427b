package org.maho.datasync.source.openmage;

/** A reading that differs only in the date a date filter compares (CMS content's update_time). */
record DatedReading(String dateColumn) implements OpenMageReading {}
