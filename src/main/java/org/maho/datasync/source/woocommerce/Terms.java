package org.maho.datasync.source.woocommerce;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The shop's terms by term taxonomy id, the id objects are related to terms by: product categories
 * ({@code product_cat}), attribute values ({@code pa_<attribute>}), product types ({@code product_type}) and
 * visibility flags ({@code product_visibility}).
 */
final class Terms {

    static final String CATEGORY = "product_cat";
    static final String PRODUCT_TYPE = "product_type";
    static final String VISIBILITY = "product_visibility";
    /** The taxonomies of global attributes are named by the attribute with this prefix. */
    static final String ATTRIBUTE_PREFIX = "pa_";

    /**
     * @param order its place among its siblings (WooCommerce's {@code order} term meta), or null
     */
    record Term(String taxonomyId, String termId, String taxonomy, String name, String slug, String parent,
                String description, String order) {}

    private final Map<String, Term> byTaxonomyId;

    Terms(Map<String, Term> byTaxonomyId) {
        this.byTaxonomyId = byTaxonomyId;
    }

    Optional<Term> get(String taxonomyId) {
        return Optional.ofNullable(byTaxonomyId.get(taxonomyId));
    }

    /** The terms of a taxonomy, in their order (WooCommerce's own, then by id). */
    List<Term> of(String taxonomy) {
        return byTaxonomyId.values().stream().filter(term -> term.taxonomy().equals(taxonomy))
                .sorted(Comparator.comparingLong((Term term) -> number(term.order())).thenComparingLong(term -> number(term.termId())))
                .toList();
    }

    /** Of an object's terms (by taxonomy id), those of one taxonomy. */
    List<Term> of(Collection<String> taxonomyIds, String taxonomy) {
        return taxonomyIds.stream().map(byTaxonomyId::get).filter(Objects::nonNull)
                .filter(term -> term.taxonomy().equals(taxonomy)).toList();
    }

    /** A term of a taxonomy by its slug, as a variation names its attribute value. */
    Optional<Term> bySlug(String taxonomy, String slug) {
        return byTaxonomyId.values().stream().filter(term -> term.taxonomy().equals(taxonomy) && term.slug().equals(slug)).findFirst();
    }

    private static long number(String text) {
        try {
            return text == null || text.isBlank() ? 0 : Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
