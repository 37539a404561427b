package org.maho.datasync.entity.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Collection;
import org.maho.datasync.job.JobSpec;
import org.maho.datasync.job.SyncJob;

/**
 * The image files behind a product's gallery rows, copied into the destination's media/catalog/product directory
 * from --image-base-path, or downloaded from --image-base-url. A file the destination already has is kept
 * unless --force-image-import. Without a source of files, the rows are written alone and the run says so once.
 */
final class ProductImages {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    private ProductImages() {}

    static void copy(SyncJob job, Collection<String> files) {
        JobSpec spec = job.spec();
        if (files.isEmpty()) {
            return;
        }
        if (spec.imageBasePath() == null && spec.imageBaseUrl() == null) {
            job.report().warn("product images: gallery rows are written, image files are not copied"
                    + " (give --image-base-path or --image-base-url to copy them)");
            return;
        }
        Path destination = spec.imageDestination();
        for (String file : files) {
            String relative = file.replace('\\', '/').replaceFirst("^/+", "");
            if (relative.contains("..")) {
                job.report().warn("product images: '" + file + "' is not a media path; not copied");
                continue;
            }
            Path target = destination.resolve(relative);
            if (Files.exists(target) && !spec.forceImageImport()) {
                continue;
            }
            try {
                Files.createDirectories(target.getParent());
                if (spec.imageBasePath() != null && Files.isRegularFile(spec.imageBasePath().resolve(relative))) {
                    Files.copy(spec.imageBasePath().resolve(relative), target, StandardCopyOption.REPLACE_EXISTING);
                } else if (spec.imageBaseUrl() != null) {
                    download(job, spec.imageBaseUrl().replaceFirst("/+$", "") + "/" + relative, target);
                } else {
                    job.report().warn("product images: " + relative + " is not in " + spec.imageBasePath());
                }
            } catch (IOException e) {
                job.report().warn("product images: " + relative + " could not be copied: " + e.getMessage());
            }
        }
    }

    private static void download(SyncJob job, String url, Path target) throws IOException {
        try {
            HttpResponse<InputStream> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    job.report().warn("product images: " + url + " answered HTTP " + response.statusCode() + "; not copied");
                    return;
                }
                Path partial = target.resolveSibling(target.getFileName() + ".part");
                Files.copy(body, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (IllegalArgumentException e) {
            job.report().warn("product images: '" + url + "' is not a URL; not copied");
        }
    }
}
