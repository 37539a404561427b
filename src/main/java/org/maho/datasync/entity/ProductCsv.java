package org.maho.datasync.entity;

import java.sql.Connection;
import java.sql.SQLException;
import org.maho.datasync.pipeline.Record;
import org.maho.datasync.pipeline.SyncJob;
import org.maho.datasync.source.CsvRow;

/** The original tool's products_simple.csv format. */
final class ProductCsv {

    private ProductCsv() {}

    static Record toRecord(CsvRow row, SyncJob job) {
        throw new UnsupportedOperationException("not yet");
    }

    static void linkConfigurables(SyncJob job, Connection destination) throws SQLException {
    }
}
