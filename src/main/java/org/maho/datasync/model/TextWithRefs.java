package org.maho.datasync.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text that names other entities by id inside it: a CMS page's or block's content, whose widget and block
 * directives hold block ids ({@code {{widget type="cms/widget_block" block_id="5"}}}, {@code {{block id="5"}}}) and
 * product and category ids ({@code id_path="product/42"}). Carried between shops with each id as a {@link Ref}, so the
 * destination's text names the destination's entities; an id the destination cannot resolve is left as it is.
 *
 * @param text  the text as the source holds it
 * @param spans where each id stands in it, and what it refers to
 */
public record TextWithRefs(String text, List<Span> spans) {

    /** One id in the text: characters {@code start} to {@code end}, referring to {@code ref}. */
    public record Span(int start, int end, Ref ref) {}

    /** An id found in a text, before its natural key is known. */
    public record Found(int start, int end, String entityType, String id) {}

    private static final Pattern BLOCK_ID = Pattern.compile("\\bblock_id\\s*=\\s*[\"'](\\d+)[\"']");
    private static final Pattern BLOCK_DIRECTIVE_ID = Pattern.compile("\\{\\{block\\b[^}]*?\\bid\\s*=\\s*[\"'](\\d+)[\"']");
    private static final Pattern ID_PATH = Pattern.compile("\\bid_path\\s*=\\s*[\"'](product|category)/(\\d+)(?:/(\\d+))?[\"']");
    private static final Pattern DIRECTIVE = Pattern.compile("\\{\\{(?:widget|block)\\b[^}]*}}");

    /** The ids a text's widget and block directives hold; empty when it holds none. */
    public static List<Found> find(String text) {
        List<Found> found = new ArrayList<>();
        if (text == null || !text.contains("{{")) {
            return found;
        }
        Matcher directive = DIRECTIVE.matcher(text);
        while (directive.find()) {
            String body = directive.group();
            int offset = directive.start();
            Matcher block = BLOCK_ID.matcher(body);
            while (block.find()) {
                found.add(new Found(offset + block.start(1), offset + block.end(1), "cms_block", block.group(1)));
            }
            Matcher blockId = BLOCK_DIRECTIVE_ID.matcher(body);
            if (blockId.find()) {
                found.add(new Found(offset + blockId.start(1), offset + blockId.end(1), "cms_block", blockId.group(1)));
            }
            Matcher path = ID_PATH.matcher(body);
            while (path.find()) {
                found.add(new Found(offset + path.start(2), offset + path.end(2), path.group(1), path.group(2)));
                if (path.group(3) != null) {
                    found.add(new Found(offset + path.start(3), offset + path.end(3), "category", path.group(3)));
                }
            }
        }
        found.sort(java.util.Comparator.comparingInt(Found::start));
        return found;
    }

    /** OpenMage's paths that name an entity by id: an id path, and the controller paths a rewrite targets. */
    private static final Pattern ENTITY_PATH = Pattern.compile("^(product|category)/(\\d+)(?:/(\\d+))?$");
    private static final Pattern PRODUCT_VIEW = Pattern.compile("\\bcatalog/product/view/id/(\\d+)");
    private static final Pattern CATEGORY_VIEW = Pattern.compile("\\bcatalog/category/view/id/(\\d+)");
    private static final Pattern PRODUCT_CATEGORY = Pattern.compile("\\bcatalog/product/view/id/\\d+/category/(\\d+)");
    private static final Pattern CMS_PAGE_VIEW = Pattern.compile("\\bcms/page/view/page_id/(\\d+)");

    /**
     * The ids a URL path holds ({@code product/42/7}, {@code catalog/product/view/id/42/category/7},
     * {@code cms/page/view/page_id/3}); empty for a path that names nothing by id (an external URL).
     */
    public static List<Found> findInPath(String path) {
        List<Found> found = new ArrayList<>();
        if (path == null) {
            return found;
        }
        Matcher entity = ENTITY_PATH.matcher(path);
        if (entity.find()) {
            found.add(new Found(entity.start(2), entity.end(2), entity.group(1), entity.group(2)));
            if (entity.group(3) != null) {
                found.add(new Found(entity.start(3), entity.end(3), "category", entity.group(3)));
            }
            return found;
        }
        for (Object[] kind : new Object[][] {{PRODUCT_VIEW, "product"}, {CATEGORY_VIEW, "category"}, {PRODUCT_CATEGORY, "category"},
                {CMS_PAGE_VIEW, "cms_page"}}) {
            Matcher matcher = ((Pattern) kind[0]).matcher(path);
            while (matcher.find()) {
                found.add(new Found(matcher.start(1), matcher.end(1), (String) kind[1], matcher.group(1)));
            }
        }
        found.sort(java.util.Comparator.comparingInt(Found::start));
        return found;
    }

    /** The ids a value of this kind holds: a CMS text's directives, a URL path's segments. */
    public static List<Found> find(ValueKind kind, String text) {
        return kind == ValueKind.PATH ? findInPath(text) : find(text);
    }

    /** The text with each id replaced by what {@code replacement} gives for its reference. */
    public String render(java.util.function.Function<Span, String> replacement) {
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (Span span : spans) {
            out.append(text, at, span.start()).append(replacement.apply(span));
            at = span.end();
        }
        return out.append(text, at, text.length()).toString();
    }

    @Override
    public String toString() {
        return text;
    }
}
