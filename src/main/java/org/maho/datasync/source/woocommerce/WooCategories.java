package org.maho.datasync.source.woocommerce;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.maho.datasync.entity.catalog.CategoryHandler;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.model.Record;
import org.maho.datasync.model.Ref;

/**
 * Product categories ({@code product_cat} terms) with their tree, under the destination's default root category:
 * name, description, url key (the term's slug) and position. WooCommerce shows every category, so each is active and
 * in the menu.
 */
final class WooCategories {

    private WooCategories() {}

    static Iterator<Record> read(SyncJob job, WordPress shop) {
        List<Terms.Term> categories = shop.terms().of(Terms.CATEGORY);
        Map<String, Terms.Term> byTermId = new HashMap<>();
        categories.forEach(term -> byTermId.put(term.termId(), term));
        Long root = CategoryHandler.defaultRoot(job);
        String rootKey = root == null ? null : CategoryHandler.destinationTree(job).key(root);
        List<Record> records = new ArrayList<>();
        // parents first: a category's record refers to its parent's
        categories.stream().sorted(java.util.Comparator.comparingInt(term -> depth(term, byTermId))).forEach(term -> {
            Record record = new Record(CategoryHandler.ENTITY_TYPE, term.termId(), "term term_id=" + term.termId() + " (" + term.name() + ")");
            boolean topLevel = !byTermId.containsKey(term.parent());
            record.put("parent_id", topLevel ? new Ref("category", null, rootKey, Ref.Missing.INVALID)
                    : new Ref("category", term.parent(), null, Ref.Missing.INVALID));
            record.put("name", Texts.html(term.name()));
            record.put("url_key", Texts.slug(term.slug()));
            if (term.description() != null && !term.description().isEmpty()) {
                record.put("description", term.description());
            }
            record.put("is_active", "1");
            record.put("include_in_menu", "1");
            if (term.order() != null) {
                record.put("position", term.order());
            }
            records.add(record);
        });
        return records.iterator();
    }

    private static int depth(Terms.Term term, Map<String, Terms.Term> byTermId) {
        int depth = 0;
        for (Terms.Term at = term; at != null && depth < 100; at = byTermId.get(at.parent())) {
            depth++;
        }
        return depth;
    }
}
