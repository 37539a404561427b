import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latency benchmark's load and stopwatch (bench/latency.sh runs it with the launcher's JDBC driver): for a given
 * time it commits changes on the source by plain SQL at a steady rate, each a customer's new email, and notes when
 * each commit returned; a second connection looks for the new emails on the destination every 10 ms and notes when
 * each appears. Prints the distribution of commit-to-visible times.
 *
 *   java -cp <driver jar> bench/LatencyProbe.java <jdbc source url> <jdbc destination url> <changes/s> <seconds> <customers>
 */
public class LatencyProbe {

    public static void main(String[] args) throws Exception {
        String sourceUrl = args[0];
        String destinationUrl = args[1];
        int rate = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int customers = Integer.parseInt(args[4]);
        Map<String, Long> committed = new ConcurrentHashMap<>();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long run = System.currentTimeMillis();
        int total = rate * seconds;

        Thread watcher = new Thread(() -> watch(destinationUrl, committed, latencies));
        watcher.setDaemon(true);
        watcher.start();

        try (Connection source = DriverManager.getConnection(sourceUrl);
             PreparedStatement change = source.prepareStatement("UPDATE customer_entity SET email = ? WHERE entity_id = ?")) {
            long start = System.nanoTime();
            for (int i = 0; i < total; i++) {
                long due = start + i * 1_000_000_000L / rate;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                String email = "latency." + run + "." + i + "@example.com";
                change.setString(1, email);
                change.setLong(2, 1 + i % customers);
                change.executeUpdate();
                committed.put(email, System.nanoTime());
            }
            double achieved = total / ((System.nanoTime() - start) / 1e9);
            System.out.printf("changes: %d in %d s (%.0f/s achieved)%n", total, seconds, achieved);
        }
        // what is still on its way gets 10 s more
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!committed.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("seen on the destination: %d, not seen within 10 s of the last change: %d%n", sorted.size(), committed.size());
        if (!sorted.isEmpty()) {
            System.out.printf("commit to destination, ms: p50 %d  p95 %d  p99 %d  max %d%n", percentile(sorted, 50),
                    percentile(sorted, 95), percentile(sorted, 99), sorted.get(sorted.size() - 1));
        }
        System.exit(committed.isEmpty() ? 0 : 1);
    }

    private static void watch(String destinationUrl, Map<String, Long> committed, List<Long> latencies) {
        try (Connection destination = DriverManager.getConnection(destinationUrl)) {
            while (true) {
                List<String> waiting = new ArrayList<>(committed.keySet());
                for (int from = 0; from < waiting.size(); from += 500) {
                    List<String> chunk = waiting.subList(from, Math.min(waiting.size(), from + 500));
                    String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
                    try (PreparedStatement seen = destination.prepareStatement("SELECT email FROM customer_entity WHERE email IN (" + marks + ")")) {
                        for (int i = 0; i < chunk.size(); i++) {
                            seen.setString(i + 1, chunk.get(i));
                        }
                        try (ResultSet rows = seen.executeQuery()) {
                            long now = System.nanoTime();
                            while (rows.next()) {
                                Long at = committed.remove(rows.getString(1));
                                if (at != null) {
                                    latencies.add((now - at) / 1_000_000);
                                }
                            }
                        }
                    }
                }
                Thread.sleep(10);
            }
        } catch (Exception e) {
            System.err.println("the watcher stopped: " + e);
        }
    }

    private static long percentile(List<Long> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
