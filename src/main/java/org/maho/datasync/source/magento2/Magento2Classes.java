package org.maho.datasync.source.magento2;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The OpenMage model alias of a Magento 2 class (an attribute's source, backend and frontend models, a rule condition's
 * type), and the other way, as Magento's own class map says (resource magento2/class-map.tsv). A Magento 2 class the map
 * lacks stands for something OpenMage does not have.
 */
public final class Magento2Classes {

    private static final Map<String, String> ALIASES = new HashMap<>();
    private static final Map<String, String> CLASSES = new HashMap<>();

    static {
        load("magento2/class-map.tsv");
    }

    private Magento2Classes() {}

    /** The Magento 2 class that took the place of an OpenMage model alias. */
    public static Optional<String> magento2Class(String openMageAlias) {
        return Optional.ofNullable(CLASSES.get(openMageAlias));
    }

    static Optional<String> openMageAlias(String magento2Class) {
        return Optional.ofNullable(ALIASES.get(magento2Class.startsWith("\\") ? magento2Class.substring(1) : magento2Class));
    }

    private static void load(String resource) {
        try (InputStream in = Magento2Classes.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.startsWith("#") && line.contains("\t")) {
                    String magento2Class = line.substring(0, line.indexOf('\t'));
                    String alias = line.substring(line.indexOf('\t') + 1);
                    ALIASES.putIfAbsent(magento2Class, alias);
                    CLASSES.putIfAbsent(alias, magento2Class);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
