package org.maho.datasync.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.component.quartz.QuartzEndpoint;
import org.maho.datasync.db.ShopDatabase;
import org.maho.datasync.db.Sql;
import org.maho.datasync.db.SqlErrors;
import org.maho.datasync.db.SqlScript;
import org.quartz.CronExpression;
import org.quartz.CronScheduleBuilder;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's schedules (the Quartz routes of service-routes/schedules.camel.yaml), paused, resumed and given another
 * cron from the console; what it changed is kept in the destination's {@code datasync_schedule} and applied again when
 * the service starts.
 */
public final class Schedules {

    private static final Logger LOG = LoggerFactory.getLogger("datasync.api");
    private static final String TABLE = "datasync_schedule";
    private static final String DDL = "schema/datasync/datasync_schedule.sql";

    /** A schedule by the name the console and the table use, and the route that runs it. */
    private static final Map<String, String> ROUTES = Map.of("incremental", "datasync-incremental-schedule",
            "full-sync", "datasync-full-sync-schedule");

    private final CamelContext camel;
    private final ShopDatabase destination;
    private final SyncService service;

    public Schedules(CamelContext camel, ShopDatabase destination, SyncService service) {
        this.camel = camel;
        this.destination = destination;
        this.service = service;
    }

    /** Each schedule: its cron, whether it is paused, when it fires next and last fired; a route that is off says so. */
    public List<Map<String, Object>> list() {
        List<Map<String, Object>> schedules = new ArrayList<>();
        for (String name : List.of("incremental", "full-sync")) {
            Map<String, Object> schedule = new LinkedHashMap<>();
            schedule.put("name", name);
            QuartzEndpoint endpoint = endpoint(name);
            Route route = camel.getRoute(ROUTES.get(name));
            boolean on = route != null && camel.getRouteController().getRouteStatus(route.getId()).isStarted();
            schedule.put("enabled", on);
            schedule.put("cron", endpoint == null ? null : endpoint.getCron());
            Trigger trigger = on ? trigger(endpoint) : null;
            boolean paused = false;
            try {
                paused = trigger != null && scheduler().getTriggerState(trigger.getKey()) == Trigger.TriggerState.PAUSED
                        || "incremental".equals(name) && service.incrementalPaused();
            } catch (Exception e) {
                // the scheduler is stopping
            }
            schedule.put("paused", paused);
            schedule.put("nextRun", trigger == null || paused ? null : instant(trigger.getNextFireTime()));
            schedule.put("lastRun", trigger == null ? null : instant(trigger.getPreviousFireTime()));
            if (!on) {
                schedule.put("note", "full-sync".equals(name) ? "off: datasync.schedule.full.entities names no entity type"
                        : "off");
            }
            schedules.add(schedule);
        }
        return schedules;
    }

    public void pause(String name, String who) {
        trigger(name, true);
        store(name, null, true, who);
        LOG.info("{} paused the {} schedule", who, name);
    }

    public void resume(String name, String who) {
        trigger(name, false);
        store(name, null, false, who);
        LOG.info("{} resumed the {} schedule", who, name);
    }

    /** Gives a schedule another cron (Quartz's, seconds first); a paused schedule stays paused. */
    public void cron(String name, String cron, String who) {
        if (cron == null || !CronExpression.isValidExpression(cron.trim())) {
            throw new ApiRefusedException(400, "'" + cron + "' is not a Quartz cron expression (seconds first: \"0 */5 * * * ?\")");
        }
        reschedule(name, cron.trim());
        store(name, cron.trim(), null, who);
        LOG.info("{} set the {} schedule to '{}'", who, name, cron.trim());
    }

    /** What the console changed before the service last stopped, applied to the schedules that now run. */
    public void restore() {
        try (Connection connection = destination.connection()) {
            ensureTable(connection);
            Sql.query(connection, "SELECT name, cron, paused FROM " + destination.table(TABLE), List.of(), row -> {
                String name = row.getString(1);
                if (!ROUTES.containsKey(name) || trigger(endpoint(name)) == null) {
                    return;
                }
                if (row.getString(2) != null) {
                    reschedule(name, row.getString(2));
                }
                if (row.getBoolean(3)) {
                    trigger(name, true);
                    LOG.info("the {} schedule stays paused, as the console left it", name);
                }
            });
        } catch (SQLException e) {
            LOG.warn("The schedules kept on the destination could not be read: {}", ShopDatabase.rootMessage(e));
        }
    }

    private void trigger(String name, boolean pause) {
        QuartzEndpoint endpoint = running(name);
        if ("incremental".equals(name)) {
            // the tracker poll and the wakes are the incremental schedule's too
            service.pauseIncremental(pause);
        }
        try {
            if (pause) {
                endpoint.pauseTrigger();
            } else {
                endpoint.resumeTrigger();
            }
        } catch (Exception e) {
            throw new IllegalStateException("The " + name + " schedule could not be " + (pause ? "paused" : "resumed") + ": "
                    + e.getMessage(), e);
        }
    }

    private void reschedule(String name, String cron) {
        QuartzEndpoint endpoint = running(name);
        try {
            Trigger current = trigger(endpoint);
            boolean paused = scheduler().getTriggerState(current.getKey()) == Trigger.TriggerState.PAUSED;
            Trigger next = TriggerBuilder.newTrigger().withIdentity(current.getKey()).forJob(current.getJobKey())
                    .usingJobData(current.getJobDataMap()).withSchedule(CronScheduleBuilder.cronSchedule(cron)).build();
            scheduler().rescheduleJob(current.getKey(), next);
            if (paused) {
                endpoint.pauseTrigger();
            }
            endpoint.setCron(cron);
        } catch (Exception e) {
            throw new IllegalStateException("The " + name + " schedule could not be changed: " + e.getMessage(), e);
        }
    }

    private QuartzEndpoint running(String name) {
        if (!ROUTES.containsKey(name)) {
            throw new ApiRefusedException(404, "no schedule '" + name + "' (there are: incremental, full-sync)");
        }
        QuartzEndpoint endpoint = endpoint(name);
        if (trigger(endpoint) == null) {
            throw new ApiRefusedException(409, "the " + name + " schedule is off"
                    + ("full-sync".equals(name) ? ": name its entity types in datasync.schedule.full.entities" : ""));
        }
        return endpoint;
    }

    private QuartzEndpoint endpoint(String name) {
        Route route = camel.getRoute(ROUTES.get(name));
        return route != null && route.getEndpoint() instanceof QuartzEndpoint quartz ? quartz : null;
    }

    private Trigger trigger(QuartzEndpoint endpoint) {
        try {
            return endpoint == null || endpoint.getTriggerKey() == null ? null : scheduler().getTrigger(endpoint.getTriggerKey());
        } catch (Exception e) {
            return null;
        }
    }

    private Scheduler scheduler() {
        return camel.getComponent("quartz", QuartzComponent.class).getScheduler();
    }

    private void store(String name, String cron, Boolean paused, String who) {
        try (Connection connection = destination.connection()) {
            ensureTable(connection);
            Sql.update(connection, "INSERT INTO " + destination.table(TABLE) + " (name, cron, paused, updated_at, updated_by)"
                    + " VALUES (?, ?, ?, UTC_TIMESTAMP(), ?) ON DUPLICATE KEY UPDATE cron = COALESCE(VALUES(cron), cron),"
                    + " paused = " + (paused == null ? "paused" : "VALUES(paused)") + ", updated_at = VALUES(updated_at),"
                    + " updated_by = VALUES(updated_by)", java.util.Arrays.asList(name, cron, paused != null && paused ? 1 : 0,
                    Sql.abbreviated(who, 255)));
        } catch (SQLException e) {
            throw SqlErrors.wrap("Keeping the " + name + " schedule on the destination", e);
        }
    }

    private void ensureTable(Connection connection) throws SQLException {
        SqlScript.createTables(connection, DDL, destination, TABLE);
    }

    private static String instant(Date date) {
        return date == null ? null : date.toInstant().toString();
    }
}
