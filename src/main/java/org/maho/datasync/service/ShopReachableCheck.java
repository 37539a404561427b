package org.maho.datasync.service;

import java.sql.Connection;
import java.util.Map;
import java.util.function.Function;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.maho.datasync.db.ConnectionSettings;
import org.maho.datasync.db.ShopDatabase;

/** Health: a shop database the service syncs between answers. */
final class ShopReachableCheck extends AbstractHealthCheck {

    private final SyncService service;
    private final String role;
    private final Function<SyncService.Setup, ConnectionSettings> settings;

    ShopReachableCheck(SyncService service, String role, Function<SyncService.Setup, ConnectionSettings> settings) {
        super("datasync", "datasync-" + role);
        this.service = service;
        this.role = role;
        this.settings = settings;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        SyncService.Setup setup = service.setup();
        if (setup == null) {
            builder.down().message("not started");
            return;
        }
        ShopDatabase shop = setup.dataSync().database(role, settings.apply(setup));
        builder.detail("database", shop.settings().describe());
        try (Connection connection = shop.connection()) {
            if (connection.isValid(5)) {
                builder.up();
            } else {
                builder.down().message("the " + role + " database does not answer");
            }
        } catch (Exception e) {
            builder.down().message("the " + role + " database is unreachable: " + ShopDatabase.rootMessage(e));
        }
    }
}
