package org.maho.datasync;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.maho.datasync.app.DataSync;

/** One DataSync application (routes, config, pools) per test class, run from the project directory. */
abstract class SyncTestSupport {

    protected static DataSync dataSync;

    @BeforeAll
    static void startDataSync() {
        dataSync = DataSync.start(Path.of(""));
    }

    @AfterAll
    static void stopDataSync() {
        dataSync.close();
    }
}
