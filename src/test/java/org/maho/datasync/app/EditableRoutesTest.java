package org.maho.datasync.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.camel.Route;
import org.apache.camel.model.ModelCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The routes ship in the jar; a DataSync home's routes/ edits them: a file of a shipped one's name takes its place, a
 * file of a new name is added, and a home without any runs the shipped ones.
 */
class EditableRoutesTest {

    @TempDir
    Path home;

    private static final List<String> SHIPPED = List.of("datasync-dead-letter", "datasync-sync",
            "datasync-sync-batch");

    private void config() throws Exception {
        Files.createDirectories(home.resolve("config"));
        Files.copy(Path.of("config/application.properties"), home.resolve("config/application.properties"));
    }

    private static List<String> routeIds(DataSync app) {
        return app.camelContext().getRoutes().stream().map(Route::getRouteId).sorted().toList();
    }

    private static String loadedFrom(DataSync app, String routeId) {
        return ((ModelCamelContext) app.camelContext()).getRouteDefinition(routeId).getResource().getLocation();
    }

    @Test
    void aHomeWithoutRoutesRunsTheShippedOnes() throws Exception {
        config();

        try (DataSync app = DataSync.start(home, Map.of())) {
            assertEquals(SHIPPED, routeIds(app));
            assertFalse(loadedFrom(app, "datasync-sync").contains(home.toString()), loadedFrom(app, "datasync-sync"));
        }
    }

    @Test
    void aFileOfAShippedNameTakesItsPlaceAndANewOneIsAdded() throws Exception {
        config();
        Path routes = Files.createDirectories(home.resolve("routes"));
        String shipped = Files.readString(Path.of("src/main/resources/routes/sync.camel.yaml"));
        Files.writeString(routes.resolve("sync.camel.yaml"), shipped.replace("id: datasync-dead-letter", "id: datasync-dead-letter\n    description: edited here"));
        Files.writeString(routes.resolve("hello.camel.yaml"), """
                - route:
                    id: hello
                    from:
                      uri: direct:hello
                      steps:
                        - setBody:
                            constant: hello from the home
                """);

        try (DataSync app = DataSync.start(home, Map.of())) {
            List<String> expected = new java.util.ArrayList<>(SHIPPED);
            expected.add("hello");
            assertEquals(expected.stream().sorted().toList(), routeIds(app));
            assertEquals("file:" + home.resolve("routes/sync.camel.yaml"), loadedFrom(app, "datasync-sync"));
            assertEquals("edited here", ((ModelCamelContext) app.camelContext()).getRouteDefinition("datasync-dead-letter")
                    .getDescriptionText());
            assertEquals("hello from the home", app.camelContext().createProducerTemplate().requestBody("direct:hello", "", String.class));
        }
    }
}
