package org.maho.datasync;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maho.datasync.job.JobSpec;
import org.maho.datasync.job.SyncJob;

/** The image files behind gallery rows: copied from a directory, or downloaded, into the destination's media directory. */
class ProductImagesTest extends SyncTestSupport {

    private TestShops shops;
    private List<String> files;
    @TempDir
    Path sourceMedia;
    @TempDir
    Path destinationMedia;

    @BeforeEach
    void shopsWithGallery() throws Exception {
        shops = new TestShops("images").withCatalog(40, 5);
        for (String entity : List.of("taxclass", "productattribute", "attributeset", "category")) {
            dataSync.sync(spec(entity), shops.destination());
        }
        files = new ArrayList<>();
        try (var connection = TestServer.connect(shops.source());
             var rows = connection.createStatement().executeQuery("SELECT value FROM catalog_product_entity_media_gallery ORDER BY value")) {
            while (rows.next()) {
                files.add(rows.getString(1));
            }
        }
        assertTrue(files.size() > 4, "the generator makes gallery rows");
    }

    @AfterEach
    void dropShops() throws Exception {
        shops.close();
    }

    private JobSpec spec(String entity) {
        return new JobSpec().entityType(entity).sourceSystem("live").adapter("openmage").source(shops.source());
    }

    @Test
    void filesAreCopiedFromTheImageBasePathAndAMissingOneIsReported() throws Exception {
        for (String file : files.subList(1, files.size())) {
            Path image = sourceMedia.resolve(file.substring(1));
            Files.createDirectories(image.getParent());
            Files.writeString(image, "image " + file);
        }

        SyncJob job = dataSync.sync(spec("product").imageBasePath(sourceMedia).imageDestination(destinationMedia), shops.destination());

        assertFalse(job.failed(), () -> String.valueOf(job.failure()));
        for (String file : files.subList(1, files.size())) {
            assertEquals("image " + file, Files.readString(destinationMedia.resolve(file.substring(1))), file);
        }
        assertFalse(Files.exists(destinationMedia.resolve(files.get(0).substring(1))));
        assertTrue(job.report().warnings().keySet().stream().anyMatch(w -> w.contains(files.get(0).substring(1) + " is not in")),
                job.report().warnings().toString());
    }

    @Test
    void filesAreDownloadedFromTheImageBaseUrl() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/media/catalog/product/", exchange -> {
            byte[] body = ("served " + exchange.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/media/catalog/product/";

            SyncJob job = dataSync.sync(spec("product").imageBaseUrl(url).imageDestination(destinationMedia), shops.destination());

            assertFalse(job.failed(), () -> String.valueOf(job.failure()));
            String file = files.get(0);
            assertArrayEquals(("served /media/catalog/product" + file).getBytes(StandardCharsets.UTF_8),
                    Files.readAllBytes(destinationMedia.resolve(file.substring(1))));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void withoutASourceOfFilesTheRowsAloneAreWrittenAndTheRunSaysSo() throws Exception {
        SyncJob job = dataSync.sync(spec("product"), shops.destination());

        assertEquals(files.size(), Checksums.single(shops.destination(), "SELECT COUNT(*) FROM catalog_product_entity_media_gallery"));
        assertTrue(job.report().warnings().keySet().stream().anyMatch(w -> w.contains("image files are not copied")));
    }
}
