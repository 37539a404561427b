package org.maho.datasync.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.main.DefaultRoutesCollector;
import org.apache.camel.spi.Resource;
import org.apache.camel.util.AntPathMatcher;

/**
 * camel-main's route discovery ({@code camel.main.routes-include-pattern}), where a route file of the DataSync home's
 * {@code routes/} takes the place of the shipped one of the same file name: an integrator copies a shipped file there
 * to edit it without rebuilding, and the two never load side by side (their route ids would clash). A file there of a
 * new name is added to the shipped ones; a home without the directory runs the shipped routes.
 */
final class EditableRoutesCollector extends DefaultRoutesCollector {

    private static final String FILE = "file:";

    private final Path editable;

    /** @param editable the home's routes directory */
    EditableRoutesCollector(Path editable) {
        this.editable = editable.toAbsolutePath().normalize();
    }

    @Override
    public Collection<Resource> findRouteResourcesFromDirectory(CamelContext context, String excludePattern,
                                                                String includePattern) {
        String present = includePattern == null ? null : Arrays.stream(includePattern.split(","))
                .filter(pattern -> !inMissingDirectory(pattern)).collect(Collectors.joining(","));
        if (present == null || present.isEmpty()) {
            return List.of();
        }
        Collection<Resource> found = super.findRouteResourcesFromDirectory(context, excludePattern, present);
        Set<String> edited = found.stream().filter(this::isEdited).map(EditableRoutesCollector::fileName)
                .collect(Collectors.toSet());
        return found.stream().filter(r -> isEdited(r) || !edited.contains(fileName(r))).toList();
    }

    /** camel-main fails on a file pattern whose directory does not exist; here that is a home with nothing edited. */
    private static boolean inMissingDirectory(String pattern) {
        if (!pattern.startsWith(FILE) || !AntPathMatcher.INSTANCE.isPattern(pattern)) {
            return false;
        }
        return !Files.isDirectory(Path.of(AntPathMatcher.INSTANCE.determineRootDir(pattern).substring(FILE.length())));
    }

    private boolean isEdited(Resource resource) {
        String location = resource.getLocation();
        return location.startsWith(FILE) && Path.of(location.substring(FILE.length())).toAbsolutePath().normalize()
                .startsWith(editable);
    }

    private static String fileName(Resource resource) {
        String location = resource.getLocation().replace('\\', '/');
        return location.substring(location.lastIndexOf('/') + 1);
    }
}
