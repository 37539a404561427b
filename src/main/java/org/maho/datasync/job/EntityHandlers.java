package org.maho.datasync.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/** The entity handlers on the class path, by type name and alias. */
public final class EntityHandlers {

    /**
     * Every entity type a whole-shop sync moves, in dependency order: what an entity refers to is written before it.
     * Products go without their stock, which comes last, set-based, on its own.
     */
    public static final List<String> IN_DEPENDENCY_ORDER = List.of("store", "config", "taxclass", "taxrate", "taxrule", "customergroup", "productattribute",
            "categoryattribute", "customerattribute", "addressattribute", "attributeset", "cms_block", "category", "product",
            "customer", "rating", "review", "tag", "catalogrule", "salesrule", "order", "invoice", "shipment", "creditmemo", "newsletter", "cms_page", "urlrewrite", "stock");

    private final Map<String, EntityHandler> byName = new LinkedHashMap<>();
    private final List<EntityHandler> handlers = new ArrayList<>();

    public EntityHandlers() {
        for (EntityHandler handler : ServiceLoader.load(EntityHandler.class)) {
            handlers.add(handler);
            byName.put(handler.type(), handler);
            for (String alias : handler.aliases()) {
                byName.put(alias, handler);
            }
        }
    }

    /**
     * The runs that sync the given entity types, in dependency order: a type that refers to one written after it
     * ({@link EntityHandler#revisitAfter}) runs again once that one is written, if both are among them.
     */
    public List<String> runsInOrder(java.util.Collection<String> types) {
        List<String> runs = new ArrayList<>();
        for (String type : IN_DEPENDENCY_ORDER) {
            if (!types.contains(type)) {
                continue;
            }
            runs.add(type);
            for (String earlier : IN_DEPENDENCY_ORDER.subList(0, IN_DEPENDENCY_ORDER.indexOf(type))) {
                if (types.contains(earlier) && find(earlier).orElseThrow().revisitAfter().contains(type)) {
                    runs.add(earlier);
                }
            }
        }
        return runs;
    }

    public Optional<EntityHandler> find(String name) {
        return Optional.ofNullable(byName.get(name.trim().toLowerCase(Locale.ROOT)));
    }

    public List<EntityHandler> all() {
        return List.copyOf(handlers);
    }

    public List<String> typeNames() {
        return handlers.stream().map(EntityHandler::type).toList();
    }
}
