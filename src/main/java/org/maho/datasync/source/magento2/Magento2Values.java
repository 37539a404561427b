package org.maho.datasync.source.magento2;

import java.util.Map;
import java.util.Set;
import org.maho.datasync.db.ShopDatabase;
import org.maho.datasync.model.PhpSerialized;

/**
 * Magento 2's stored values as OpenMage stores them, as they are read and before anything reads them as OpenMage's:
 * what Magento 2 keeps as JSON ({@link Magento2Tables#jsonColumns}) PHP-serialized as {@code serialize(json_decode($json,
 * true))} writes it, the Magento 2 classes that name a rule condition's type as OpenMage's aliases. A value that is
 * already PHP-serialized (a shop upgraded from Magento 2.1 keeps some) stays; so does one that is neither, for the
 * record's check to report ({@link Magento2Schema}).
 */
final class Magento2Values implements ShopDatabase.StoredValues {

    @Override
    public Set<String> columns(String table) {
        return Magento2Tables.jsonColumns(table);
    }

    @Override
    public String asOpenMage(String table, String column, String value) {
        if (value.isBlank() || !JsonToPhp.isJson(value)) {
            return value;
        }
        Object php = JsonToPhp.value(value);
        return php == null ? value : PhpSerialized.write(withOpenMageTypes(php));
    }

    /** The PHP value with each condition's {@code type} that names a Magento 2 class OpenMage has an alias of as that alias. */
    @SuppressWarnings("unchecked")
    private static Object withOpenMageTypes(Object value) {
        if (value instanceof Map<?, ?> array) {
            for (Map.Entry<Object, Object> entry : ((Map<Object, Object>) array).entrySet()) {
                if ("type".equals(entry.getKey()) && entry.getValue() instanceof String type) {
                    entry.setValue(Magento2Classes.openMageAlias(type).orElse(type));
                } else {
                    entry.setValue(withOpenMageTypes(entry.getValue()));
                }
            }
        }
        return value;
    }

    /** The first condition type in a PHP value that still names a Magento 2 class (one OpenMage has no alias of); null if none. */
    static String magento2Type(Object value) {
        if (value instanceof Map<?, ?> array) {
            for (Map.Entry<?, ?> entry : array.entrySet()) {
                if ("type".equals(entry.getKey()) && entry.getValue() instanceof String type && type.contains("\\")) {
                    return type;
                }
                String nested = magento2Type(entry.getValue());
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }
}
