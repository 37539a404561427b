package org.maho.datasync.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The CSV files of Magento's sample-data installer (magento/magento2-sample-data's {@code fixtures/**}.csv) as they come
 * in the project's fixture, a gzipped tar: each file's rows by column name, by its path below {@code app/code/Magento/}
 * ({@code CatalogSampleData/fixtures/attributes.csv}).
 */
final class LumaFixtures {

    /** The sample-data fixtures the project's fixtures hold. */
    static final Path FIXTURE = Path.of("../shared/fixtures/magento2/magento2-sample-data-fixtures.tar.gz");

    private static final String ROOT = "app/code/Magento/";

    private final Map<String, List<Map<String, String>>> files;

    private LumaFixtures(Map<String, List<Map<String, String>>> files) {
        this.files = files;
    }

    static LumaFixtures read(Path tarball) throws IOException {
        Map<String, List<Map<String, String>>> files = new TreeMap<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(tarball))) {
            byte[] header = new byte[512];
            while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
                String name = text(header, 345, 155).isEmpty() ? text(header, 0, 100) : text(header, 345, 155) + "/" + text(header, 0, 100);
                long size = Long.parseLong(text(header, 124, 12).trim(), 8);
                byte[] body = in.readNBytes((int) size);
                in.skipNBytes((512 - size % 512) % 512);
                int start = name.indexOf(ROOT);
                boolean file = header[156] == '0' || header[156] == 0;
                if (file && start >= 0 && name.endsWith(".csv")) {
                    files.put(name.substring(start + ROOT.length()), rows(new String(body, StandardCharsets.UTF_8)));
                }
            }
        }
        return new LumaFixtures(files);
    }

    private static String text(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
    }

    private static List<Map<String, String>> rows(String csv) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();
        for (CSVRecord record : format.parse(new StringReader(csv.startsWith("\uFEFF") ? csv.substring(1) : csv))) {
            Map<String, String> row = new LinkedHashMap<>();
            record.toMap().forEach((column, value) -> row.put(column.trim(), value));
            rows.add(row);
        }
        return rows;
    }

    /** A file's rows; none when the fixtures lack it. */
    List<Map<String, String>> file(String path) {
        return files.getOrDefault(path, List.of());
    }

    /** The rows of every file whose path matches, in path order. */
    List<Map<String, String>> files(String pathPattern) {
        List<Map<String, String>> rows = new ArrayList<>();
        files.forEach((path, fileRows) -> {
            if (path.matches(pathPattern)) {
                rows.addAll(fileRows);
            }
        });
        return rows;
    }
}
