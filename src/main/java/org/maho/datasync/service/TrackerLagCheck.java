package org.maho.datasync.service;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.maho.datasync.db.ShopDatabase;
import org.maho.datasync.tracker.ChangeTracker;

/** Health: the source's oldest pending change is younger than datasync.service.max-lag-seconds, and none is parked unseen. */
final class TrackerLagCheck extends AbstractHealthCheck {

    private final SyncService service;
    private final long maxLagSeconds;

    TrackerLagCheck(SyncService service, long maxLagSeconds) {
        super("datasync", "datasync-tracker-lag");
        this.service = service;
        this.maxLagSeconds = maxLagSeconds;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        SyncService.Setup setup = service.setup();
        if (setup == null) {
            builder.down().message("not started");
            return;
        }
        ShopDatabase source = setup.dataSync().database("source", setup.source());
        try (Connection connection = source.connection()) {
            if (!source.hasTable(ChangeTracker.TABLE)) {
                builder.down().message("the source has no change tracker: run 'datasync tracker install'");
                return;
            }
            long[] state = {0, 0, 0};
            for (ChangeTracker.Pending type : ChangeTracker.pending(connection)) {
                state[0] += type.count();
                state[1] = Math.max(state[1], type.oldestAgeSeconds());
            }
            state[2] = ChangeTracker.parkedByType(connection).values().stream().mapToLong(Long::longValue).sum();
            builder.detail("pending", state[0]).detail("lag.seconds", state[1]).detail("parked", state[2]);
            if (state[1] > maxLagSeconds) {
                builder.down().message("the oldest pending change is " + state[1] + " s old (more than " + maxLagSeconds + " s)");
            } else {
                builder.up();
            }
        } catch (Exception e) {
            builder.down().message("cannot read the tracker: " + ShopDatabase.rootMessage(e));
        }
    }
}
